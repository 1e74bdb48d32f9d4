package dev.handscope.render.mesh;

import javafx.geometry.Point3D;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * One hand's skeleton in 3D: 21 joint spheres and 20 bone cylinders, created once and moved each
 * frame (their transforms are updated in place).
 */
final class SkeletonNodes extends Group {
    private static final int[][] BONES = {
        {0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 5}, {5, 6}, {6, 7}, {7, 8}, {0, 9}, {9, 10}, {10, 11}, {11, 12},
        {0, 13}, {13, 14}, {14, 15}, {15, 16}, {0, 17}, {17, 18}, {18, 19}, {19, 20}};
    private static final Point3D UP = new Point3D(0, 1, 0);

    private final Translate[] jointPlaces = new Translate[21];
    private final Translate[] bonePlaces = new Translate[BONES.length];
    private final Rotate[] boneTurns = new Rotate[BONES.length];
    private final Cylinder[] bones = new Cylinder[BONES.length];

    SkeletonNodes() {
        PhongMaterial joint = new PhongMaterial(Color.WHITE);
        PhongMaterial bone = new PhongMaterial(Color.web("#ffd23f"));
        for (int i = 0; i < 21; i++) {
            Sphere sphere = new Sphere(0.0035, 8);
            sphere.setMaterial(joint);
            jointPlaces[i] = new Translate();
            sphere.getTransforms().add(jointPlaces[i]);
            getChildren().add(sphere);
        }
        for (int b = 0; b < BONES.length; b++) {
            Cylinder cylinder = new Cylinder(0.0015, 1, 6);
            cylinder.setMaterial(bone);
            bonePlaces[b] = new Translate();
            boneTurns[b] = new Rotate();
            cylinder.getTransforms().addAll(bonePlaces[b], boneTurns[b]);
            bones[b] = cylinder;
            getChildren().add(cylinder);
        }
    }

    /** Moves the skeleton to 21 points (x, y, z). */
    void place(float[] p) {
        for (int i = 0; i < 21; i++) {
            jointPlaces[i].setX(p[3 * i]);
            jointPlaces[i].setY(p[3 * i + 1]);
            jointPlaces[i].setZ(p[3 * i + 2]);
        }
        for (int b = 0; b < BONES.length; b++) {
            Point3D from = new Point3D(p[3 * BONES[b][0]], p[3 * BONES[b][0] + 1], p[3 * BONES[b][0] + 2]);
            Point3D to = new Point3D(p[3 * BONES[b][1]], p[3 * BONES[b][1] + 1], p[3 * BONES[b][1] + 2]);
            Point3D along = to.subtract(from);
            Point3D middle = from.midpoint(to);
            bonePlaces[b].setX(middle.getX());
            bonePlaces[b].setY(middle.getY());
            bonePlaces[b].setZ(middle.getZ());
            Point3D axis = UP.crossProduct(along);
            double angle = UP.angle(along);
            boneTurns[b].setAxis(axis.magnitude() < 1e-9 ? Rotate.X_AXIS : axis);
            boneTurns[b].setAngle(axis.magnitude() < 1e-9 && along.getY() < 0 ? 180 : angle);
            bones[b].setHeight(along.magnitude());
        }
    }
}
