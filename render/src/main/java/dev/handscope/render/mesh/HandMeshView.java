package dev.handscope.render.mesh;

import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.render.overlay.HandOverlay;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The 3D view: each hand's fitted mesh in camera space, seen at first through the same 60-degree
 * camera as the video so the two agree; drag to orbit, scroll to zoom, right-drag to pan,
 * double-click to go back. Mesh arrays are updated in place: no new mesh per frame.
 */
public final class HandMeshView extends Pane {
    private static final int MAX_HANDS = 4;
    /** Where the orbit turns around: about where hands are in front of a webcam. */
    private static final double PIVOT_DEPTH = 0.4;

    private final Group hands = new Group();
    private final List<MeshView> views = new ArrayList<>();
    private final List<TriangleMesh> meshes = new ArrayList<>();
    private final List<int[]> facesShown = new ArrayList<>();
    private final List<SkeletonNodes> skeletons = new ArrayList<>();
    private final List<Translate> placements = new ArrayList<>();
    private final List<javafx.scene.control.Label> labels = new ArrayList<>();
    private final Pane labelLayer = new Pane();
    private final Group guides = guides();
    private final BooleanProperty skeleton = new SimpleBooleanProperty(this, "skeleton", true);
    private final BooleanProperty showGuides = new SimpleBooleanProperty(this, "guides", true);
    private final BooleanProperty centred = new SimpleBooleanProperty(this, "centred", false);
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final Rotate yaw = new Rotate(0, Rotate.Y_AXIS);
    private final Rotate pitch = new Rotate(0, Rotate.X_AXIS);
    private final Translate pan = new Translate();
    private final Translate distance = new Translate(0, 0, -PIVOT_DEPTH);
    private final Scale mirror = new Scale(1, 1, 1);
    private final BooleanProperty wireframe = new SimpleBooleanProperty(this, "wireframe", false);
    private final BooleanProperty mirrored = new SimpleBooleanProperty(this, "mirrored", false);
    private final SubScene scene;
    private double dragX;
    private double dragY;

    public HandMeshView() {
        getStyleClass().add("mesh-view");
        setId("mesh-view");
        camera.setVerticalFieldOfView(false);
        camera.setFieldOfView(60);
        camera.setNearClip(0.005);
        camera.setFarClip(20);
        camera.getTransforms().setAll(new Translate(0, 0, PIVOT_DEPTH), yaw, pitch, pan, distance);
        PointLight key = new PointLight(Color.gray(0.85));
        key.getTransforms().add(new Translate(-0.3, -0.4, -0.2));
        AmbientLight fill = new AmbientLight(Color.gray(0.38));
        hands.getTransforms().add(mirror);
        hands.getChildren().add(guides);
        guides.visibleProperty().bind(showGuides);
        Group root = new Group(hands, key, fill, camera);
        scene = new SubScene(root, 320, 240, true, SceneAntialiasing.BALANCED);
        scene.setCamera(camera);
        scene.setFill(Color.web("#17181b"));
        scene.widthProperty().bind(widthProperty());
        scene.heightProperty().bind(heightProperty());
        labelLayer.setMouseTransparent(true);
        getChildren().addAll(scene, labelLayer);
        setMinSize(120, 120);
        for (int i = 0; i < MAX_HANDS; i++) {
            TriangleMesh mesh = new TriangleMesh();
            mesh.getTexCoords().addAll(0, 0);
            MeshView view = new MeshView(mesh);
            view.setCullFace(CullFace.NONE); // the mirror flips winding; both sides are hand surface anyway
            view.drawModeProperty().bind(javafx.beans.binding.Bindings.when(wireframe)
                    .then(DrawMode.LINE).otherwise(DrawMode.FILL));
            view.setVisible(false);
            SkeletonNodes bones = new SkeletonNodes();
            bones.setVisible(false);
            Translate placement = new Translate();
            view.getTransforms().add(placement);
            bones.getTransforms().add(placement);
            javafx.scene.control.Label label = new javafx.scene.control.Label();
            label.getStyleClass().add("mesh-label");
            label.setVisible(false);
            meshes.add(mesh);
            views.add(view);
            skeletons.add(bones);
            placements.add(placement);
            labels.add(label);
            facesShown.add(null);
            hands.getChildren().addAll(view, bones);
            labelLayer.getChildren().add(label);
        }
        mirrored.addListener((obs, was, now) -> mirror.setX(now ? -1 : 1));
        skeleton.addListener((obs, was, now) -> skeletons.forEach(bones -> bones.setVisible(now && bones.getParent() != null
                && views.get(skeletons.indexOf(bones)).isVisible())));
        installOrbit();
    }

    /** Shows these meshes (up to four), reusing the mesh arrays; call on the FX thread. */
    public void show(List<HandMesher.HandMesh> fitted) {
        for (int i = 0; i < MAX_HANDS; i++) {
            MeshView view = views.get(i);
            if (i >= fitted.size()) {
                view.setVisible(false);
                skeletons.get(i).setVisible(false);
                labels.get(i).setVisible(false);
                continue;
            }
            HandMesher.HandMesh hand = fitted.get(i);
            TriangleMesh mesh = meshes.get(i);
            int[] faces = hand.template().faces();
            if (facesShown.get(i) != faces) {
                int[] withTexture = new int[faces.length * 2];
                for (int k = 0; k < faces.length; k++) {
                    withTexture[2 * k] = faces[k];
                }
                mesh.getFaces().setAll(withTexture);
                int[] smooth = new int[faces.length / 3];
                java.util.Arrays.fill(smooth, 1); // one smoothing group: smooth shading across the hand
                mesh.getFaceSmoothingGroups().setAll(smooth);
                facesShown.set(i, faces);
            }
            if (mesh.getPoints().size() != hand.vertices().length) {
                mesh.getPoints().setAll(hand.vertices());
            } else {
                mesh.getPoints().set(0, hand.vertices(), 0, hand.vertices().length);
            }
            Color colour = HandOverlay.colourOf(hand.model().label());
            if (!(view.getMaterial() instanceof PhongMaterial material) || !colour.equals(material.getDiffuseColor())) {
                PhongMaterial material = new PhongMaterial(colour.interpolate(Color.web("#f2c6a8"), 0.45));
                material.setSpecularColor(Color.gray(0.25));
                view.setMaterial(material);
            }
            view.setVisible(true);
            SkeletonNodes bones = skeletons.get(i);
            bones.place(hand.skeleton());
            bones.setVisible(skeleton.get());
            place(placements.get(i), hand.skeleton(), i, fitted.size());
            label(labels.get(i), hand, colour);
        }
        layoutLabels(fitted);
    }

    /** Camera space: where the camera saw it; centred: each hand at the pivot, side by side. */
    private void place(Translate placement, float[] skeleton, int index, int count) {
        if (!centred.get()) {
            placement.setX(0);
            placement.setY(0);
            placement.setZ(0);
            return;
        }
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (int k = 0; k < 21; k++) {
            cx += skeleton[3 * k] / 21;
            cy += skeleton[3 * k + 1] / 21;
            cz += skeleton[3 * k + 2] / 21;
        }
        placement.setX(-cx + (index - (count - 1) / 2.0) * 0.16);
        placement.setY(-cy);
        placement.setZ(PIVOT_DEPTH - cz);
    }

    /** "L" / "R", and both readings with a warning when the model and the geometry disagree. */
    private static void label(javafx.scene.control.Label label, HandMesher.HandMesh hand, Color colour) {
        String model = hand.model().label().substring(0, 1);
        String geometric = hand.geometric().handedness().label().substring(0, 1);
        label.setText(hand.handednessDisagrees() ? model + " ⚠ geometry " + geometric : model);
        label.setTextFill(colour);
        label.setStyle("-fx-font-weight: bold; -fx-font-size: 15px; -fx-background-color: rgba(15,15,18,0.75);"
                + " -fx-padding: 1 6 1 6; -fx-background-radius: 6;");
        label.setVisible(true);
    }

    /** Puts each label at its hand's wrist as projected in the 3D view. */
    private void layoutLabels(List<HandMesher.HandMesh> fitted) {
        for (int i = 0; i < Math.min(fitted.size(), MAX_HANDS); i++) {
            float[] s = fitted.get(i).skeleton();
            // Projected through the 3D camera into the window's scene, then into the label layer.
            javafx.geometry.Point3D at = skeletons.get(i).localToScene(s[0], s[1], s[2], true);
            javafx.scene.control.Label label = labels.get(i);
            javafx.geometry.Point2D local = at == null ? null : labelLayer.sceneToLocal(at.getX(), at.getY());
            if (local == null || Double.isNaN(local.getX())) {
                label.setVisible(false);
                continue;
            }
            label.relocate(local.getX() - 10, local.getY() + 12);
        }
    }

    /** Axes at the pivot (x red, y green, z blue) and a floor grid below it. */
    private static Group guides() {
        Group group = new Group();
        double[][] axes = {{0.05, 0.001, 0.001}, {0.001, 0.05, 0.001}, {0.001, 0.001, 0.05}};
        Color[] colours = {Color.web("#ff5c5c"), Color.web("#5cff8a"), Color.web("#5c9cff")};
        for (int a = 0; a < 3; a++) {
            javafx.scene.shape.Box axis = new javafx.scene.shape.Box(axes[a][0], axes[a][1], axes[a][2]);
            axis.setMaterial(new PhongMaterial(colours[a]));
            axis.getTransforms().add(new Translate(axes[a][0] / 2, axes[a][1] / 2, PIVOT_DEPTH + axes[a][2] / 2));
            group.getChildren().add(axis);
        }
        PhongMaterial line = new PhongMaterial(Color.gray(0.35));
        for (int k = -5; k <= 5; k++) {
            javafx.scene.shape.Box across = new javafx.scene.shape.Box(0.5, 0.0008, 0.0008);
            across.setMaterial(line);
            across.getTransforms().add(new Translate(0, 0.15, PIVOT_DEPTH + k * 0.05));
            javafx.scene.shape.Box deep = new javafx.scene.shape.Box(0.0008, 0.0008, 0.5);
            deep.setMaterial(line);
            deep.getTransforms().add(new Translate(k * 0.05, 0.15, PIVOT_DEPTH));
            group.getChildren().addAll(across, deep);
        }
        return group;
    }

    public BooleanProperty skeletonProperty() {
        return skeleton;
    }

    public BooleanProperty guidesProperty() {
        return showGuides;
    }

    /** Each hand centred at the pivot instead of where the camera saw it. */
    public BooleanProperty centredProperty() {
        return centred;
    }

    public BooleanProperty wireframeProperty() {
        return wireframe;
    }

    /** Mirror the 3D view like the video, so the two agree on screen. */
    public BooleanProperty mirroredProperty() {
        return mirrored;
    }

    /** Back to the video's own viewpoint. */
    public void resetView() {
        yaw.setAngle(0);
        pitch.setAngle(0);
        pan.setX(0);
        pan.setY(0);
        distance.setZ(-PIVOT_DEPTH);
    }

    public int visibleHands() {
        return (int) views.stream().filter(MeshView::isVisible).count();
    }

    private void installOrbit() {
        setOnMousePressed(event -> {
            dragX = event.getSceneX();
            dragY = event.getSceneY();
            if (event.getClickCount() == 2) {
                resetView();
            }
        });
        setOnMouseDragged(event -> {
            double dx = event.getSceneX() - dragX;
            double dy = event.getSceneY() - dragY;
            dragX = event.getSceneX();
            dragY = event.getSceneY();
            if (event.getButton() == MouseButton.SECONDARY) {
                double metresPerPixel = -distance.getZ() / Math.max(1, getWidth());
                pan.setX(pan.getX() - dx * metresPerPixel);
                pan.setY(pan.getY() - dy * metresPerPixel);
            } else {
                yaw.setAngle(yaw.getAngle() + dx * 0.4);
                pitch.setAngle(Math.max(-89, Math.min(89, pitch.getAngle() - dy * 0.4)));
            }
        });
        setOnScroll(event -> distance.setZ(Math.max(-3, Math.min(-0.08, distance.getZ() * Math.pow(1.0015, -event.getDeltaY())))));
    }
}
