package dev.handscope.render.mesh;

import dev.handscope.engine.mesh.HandMesh;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
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
    private static final int MAX_FACES = 4;
    private final List<FaceNodes> faceSlots = new ArrayList<>();

    private final Group hands = new Group();
    private final List<HandNodes> slots = new ArrayList<>();
    private final Pane labelLayer = new Pane();
    private final Group guides = guides();
    private final BooleanProperty skeleton = new SimpleBooleanProperty(this, "skeleton", true);
    private final BooleanProperty showGuides = new SimpleBooleanProperty(this, "guides", true);
    private final BooleanProperty centred = new SimpleBooleanProperty(this, "centred", false);
    private final OrbitCamera camera = new OrbitCamera(PIVOT_DEPTH);
    private final Scale mirror = new Scale(1, 1, 1);
    private final BooleanProperty wireframe = new SimpleBooleanProperty(this, "wireframe", false);
    private final BooleanProperty mirrored = new SimpleBooleanProperty(this, "mirrored", false);
    private final SubScene scene;

    public HandMeshView() {
        getStyleClass().add("mesh-view");
        setId("mesh-view");
        PointLight key = new PointLight(Color.gray(0.85));
        key.getTransforms().add(new Translate(-0.3, -0.4, -0.2));
        AmbientLight fill = new AmbientLight(Color.gray(0.38));
        hands.getTransforms().add(mirror);
        hands.getChildren().add(guides);
        guides.visibleProperty().bind(showGuides);
        Group root = new Group(hands, key, fill, camera.camera());
        scene = new SubScene(root, 320, 240, true, SceneAntialiasing.BALANCED);
        scene.setCamera(camera.camera());
        scene.setFill(Color.web("#17181b"));
        scene.widthProperty().bind(widthProperty());
        scene.heightProperty().bind(heightProperty());
        labelLayer.setMouseTransparent(true);
        getChildren().addAll(scene, labelLayer);
        setMinSize(120, 120);
        for (int i = 0; i < MAX_FACES; i++) {
            faceSlots.add(new FaceNodes(hands));
        }
        for (int i = 0; i < MAX_HANDS; i++) {
            HandNodes slot = new HandNodes(wireframe);
            slot.addTo(hands, labelLayer);
            slots.add(slot);
        }
        mirrored.addListener((obs, was, now) -> mirror.setX(now ? -1 : 1));
        skeleton.addListener((obs, was, now) -> slots.forEach(slot -> slot.showSkeleton(now)));
        camera.controlWith(this);
    }

    /** Shows these meshes (up to four), reusing the mesh arrays; call on the FX thread. */
    public void show(List<HandMesh> fitted) {
        for (int i = 0; i < MAX_HANDS; i++) {
            HandNodes slot = slots.get(i);
            if (i >= fitted.size()) {
                slot.hide();
                continue;
            }
            HandMesh hand = fitted.get(i);
            slot.show(hand, skeleton.get());
            slot.place(hand.skeleton(), i, fitted.size(), centred.get(), PIVOT_DEPTH);
        }
        // After every hand is placed: the labels follow their projected wrists.
        for (int i = 0; i < Math.min(fitted.size(), MAX_HANDS); i++) {
            slots.get(i).layoutLabel(fitted.get(i).skeleton(), labelLayer);
        }
    }

    /**
     * Shows these posed faces (up to four) beside the hands, each as vertices (x, y, z per vertex,
     * camera space, metres) joined by {@code triangles}; call on the FX thread.
     */
    public void showFaces(int[] triangles, List<float[]> posed) {
        for (int i = 0; i < MAX_FACES; i++) {
            if (i < posed.size()) {
                faceSlots.get(i).show(triangles, posed.get(i));
            } else {
                faceSlots.get(i).hide();
            }
        }
    }

    /** Axes at the pivot (x red, y green, z blue) and a floor grid below it. */
    private static Group guides() {
        Group group = new Group();
        double[][] axes = {{0.05, 0.001, 0.001}, {0.001, 0.05, 0.001}, {0.001, 0.001, 0.05}};
        Color[] colours = {Color.web("#ff5c5c"), Color.web("#5cff8a"), Color.web("#5c9cff")};
        for (int a = 0; a < 3; a++) {
            Box axis = new Box(axes[a][0], axes[a][1], axes[a][2]);
            axis.setMaterial(new PhongMaterial(colours[a]));
            axis.getTransforms().add(new Translate(axes[a][0] / 2, axes[a][1] / 2, PIVOT_DEPTH + axes[a][2] / 2));
            group.getChildren().add(axis);
        }
        PhongMaterial line = new PhongMaterial(Color.gray(0.35));
        for (int k = -5; k <= 5; k++) {
            Box across = new Box(0.5, 0.0008, 0.0008);
            across.setMaterial(line);
            across.getTransforms().add(new Translate(0, 0.15, PIVOT_DEPTH + k * 0.05));
            Box deep = new Box(0.0008, 0.0008, 0.5);
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
        camera.reset();
    }

    public int visibleHands() {
        return (int) slots.stream().filter(HandNodes::isShown).count();
    }
}
