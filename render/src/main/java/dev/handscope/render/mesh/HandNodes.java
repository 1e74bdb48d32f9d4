package dev.handscope.render.mesh;

import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.render.overlay.HandOverlay;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.transform.Translate;

/**
 * One hand slot of the 3D view: its mesh, skeleton and handedness label, created once and
 * updated in place each frame. Mesh and skeleton share one placement, so centring moves both.
 */
final class HandNodes {
    private static final Color SKIN = Color.web("#f2c6a8");
    /** Space between hands shown side by side at the pivot, in metres. */
    private static final double CENTRED_SPACING = 0.16;

    private final TriangleMesh mesh = new TriangleMesh();
    private final MeshView view = new MeshView(mesh);
    private final SkeletonNodes bones = new SkeletonNodes();
    private final Translate placement = new Translate();
    private final Label label = new Label();
    /** The template faces the mesh holds, so they are copied only when the template changes. */
    private int[] facesShown;

    HandNodes(ObservableBooleanValue wireframe) {
        mesh.getTexCoords().addAll(0, 0);
        view.setCullFace(CullFace.NONE); // the mirror flips winding; both sides are hand surface anyway
        view.drawModeProperty().bind(Bindings.when(wireframe).then(DrawMode.LINE).otherwise(DrawMode.FILL));
        view.getTransforms().add(placement);
        bones.getTransforms().add(placement);
        label.getStyleClass().add("mesh-label");
        hide();
    }

    /** Mesh and skeleton go into the 3D scene, the label into the 2D layer above it. */
    void addTo(Group scene, Pane labelLayer) {
        scene.getChildren().addAll(view, bones);
        labelLayer.getChildren().add(label);
    }

    boolean isShown() {
        return view.isVisible();
    }

    void hide() {
        view.setVisible(false);
        bones.setVisible(false);
        label.setVisible(false);
    }

    /** The skeleton shows with its mesh, when skeletons are on. */
    void showSkeleton(boolean on) {
        bones.setVisible(on && isShown());
    }

    /** Shows this fitted hand: mesh, skeleton (when on) and label. */
    void show(HandMesh hand, boolean skeleton) {
        int[] faces = hand.template().faces();
        if (facesShown != faces) {
            int[] withTexture = new int[faces.length * 2];
            for (int k = 0; k < faces.length; k++) {
                withTexture[2 * k] = faces[k];
            }
            mesh.getFaces().setAll(withTexture);
            int[] smooth = new int[faces.length / 3];
            Arrays.fill(smooth, 1); // one smoothing group: smooth shading across the hand
            mesh.getFaceSmoothingGroups().setAll(smooth);
            facesShown = faces;
        }
        if (mesh.getPoints().size() != hand.vertices().length) {
            mesh.getPoints().setAll(hand.vertices());
        } else {
            mesh.getPoints().set(0, hand.vertices(), 0, hand.vertices().length);
        }
        Color colour = HandOverlay.colourOf(hand.model().label());
        if (!(view.getMaterial() instanceof PhongMaterial material) || !colour.equals(material.getDiffuseColor())) {
            PhongMaterial material = new PhongMaterial(colour.interpolate(SKIN, 0.45));
            material.setSpecularColor(Color.gray(0.25));
            view.setMaterial(material);
        }
        view.setVisible(true);
        bones.place(hand.skeleton());
        showSkeleton(skeleton);
        label(hand, colour);
    }

    /** Where the camera saw it (centred off), or the hand's centre at the pivot, side by side. */
    void place(float[] skeleton, int index, int count, boolean centred, double pivotDepth) {
        if (!centred) {
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
        placement.setX(-cx + (index - (count - 1) / 2.0) * CENTRED_SPACING);
        placement.setY(-cy);
        placement.setZ(pivotDepth - cz);
    }

    /** "L" / "R", and both readings with a warning when the model and the geometry disagree. */
    private void label(HandMesh hand, Color colour) {
        String model = hand.model().label().substring(0, 1);
        String geometric = hand.geometric().handedness().label().substring(0, 1);
        label.setText(hand.handednessDisagrees() ? model + " ⚠ geometry " + geometric : model);
        label.setTextFill(colour);
        label.setStyle("-fx-font-weight: bold; -fx-font-size: 15px; -fx-background-color: rgba(15,15,18,0.75);"
                + " -fx-padding: 1 6 1 6; -fx-background-radius: 6;");
        label.setVisible(true);
    }

    /** Puts the label at the wrist as projected through the 3D camera into the window, then into the layer. */
    void layoutLabel(float[] skeleton, Pane labelLayer) {
        Point3D at = bones.localToScene(skeleton[0], skeleton[1], skeleton[2], true);
        Point2D local = at == null ? null : labelLayer.sceneToLocal(at.getX(), at.getY());
        if (local == null || Double.isNaN(local.getX())) {
            label.setVisible(false);
            return;
        }
        label.relocate(local.getX() - 10, local.getY() + 12);
    }
}
