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
        Group root = new Group(hands, key, fill, camera);
        scene = new SubScene(root, 320, 240, true, SceneAntialiasing.BALANCED);
        scene.setCamera(camera);
        scene.setFill(Color.web("#17181b"));
        scene.widthProperty().bind(widthProperty());
        scene.heightProperty().bind(heightProperty());
        getChildren().add(scene);
        setMinSize(120, 120);
        for (int i = 0; i < MAX_HANDS; i++) {
            TriangleMesh mesh = new TriangleMesh();
            mesh.getTexCoords().addAll(0, 0);
            MeshView view = new MeshView(mesh);
            view.setCullFace(CullFace.NONE); // the mirror flips winding; both sides are hand surface anyway
            view.drawModeProperty().bind(javafx.beans.binding.Bindings.when(wireframe)
                    .then(DrawMode.LINE).otherwise(DrawMode.FILL));
            view.setVisible(false);
            meshes.add(mesh);
            views.add(view);
            facesShown.add(null);
            hands.getChildren().add(view);
        }
        mirrored.addListener((obs, was, now) -> mirror.setX(now ? -1 : 1));
        installOrbit();
    }

    /** Shows these meshes (up to four), reusing the mesh arrays; call on the FX thread. */
    public void show(List<HandMesher.HandMesh> fitted) {
        for (int i = 0; i < MAX_HANDS; i++) {
            MeshView view = views.get(i);
            if (i >= fitted.size()) {
                view.setVisible(false);
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
                mesh.getFaceSmoothingGroups().setAll(new int[faces.length / 3]);
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
        }
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
