package dev.handscope.render.mesh;

import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

/** One posed face in the 3D view: the canonical face mesh where its head pose puts it (camera space). */
final class FaceNodes {
    private final TriangleMesh mesh = new TriangleMesh();
    private final MeshView view = new MeshView(mesh);
    private int[] trianglesShown;

    FaceNodes(Group parent) {
        mesh.getTexCoords().addAll(0, 0);
        PhongMaterial skin = new PhongMaterial(Color.web("#d9c2b0"));
        skin.setSpecularColor(Color.gray(0.15));
        view.setMaterial(skin);
        view.setCullFace(CullFace.NONE); // seen from behind when the view orbits round
        view.setVisible(false);
        parent.getChildren().add(view);
    }

    /** Shows the face's vertices (x, y, z per vertex, metres) joined by these triangles. */
    void show(int[] triangles, float[] vertices) {
        if (trianglesShown != triangles) {
            int[] faces = new int[triangles.length * 2];
            for (int i = 0; i < triangles.length; i++) {
                faces[2 * i] = triangles[i];
            }
            mesh.getFaces().setAll(faces);
            trianglesShown = triangles;
        }
        mesh.getPoints().setAll(vertices);
        view.setVisible(true);
    }

    void hide() {
        view.setVisible(false);
    }
}
