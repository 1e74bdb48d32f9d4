package dev.handscope.render.mesh;

import dev.handscope.engine.hand.HandTopology;
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
    private static final Point3D UP = new Point3D(0, 1, 0);

    private final Translate[] jointPlaces = new Translate[HandTopology.LANDMARKS];
    private final Translate[] bonePlaces = new Translate[HandTopology.BONES.length];
    private final Rotate[] boneTurns = new Rotate[HandTopology.BONES.length];
    private final Cylinder[] bones = new Cylinder[HandTopology.BONES.length];

    SkeletonNodes() {
        PhongMaterial joint = new PhongMaterial(Color.WHITE);
        PhongMaterial bone = new PhongMaterial(Color.web("#ffd23f"));
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            Sphere sphere = new Sphere(0.0035, 8);
            sphere.setMaterial(joint);
            jointPlaces[i] = new Translate();
            sphere.getTransforms().add(jointPlaces[i]);
            getChildren().add(sphere);
        }
        for (int b = 0; b < HandTopology.BONES.length; b++) {
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
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            jointPlaces[i].setX(p[3 * i]);
            jointPlaces[i].setY(p[3 * i + 1]);
            jointPlaces[i].setZ(p[3 * i + 2]);
        }
        for (int b = 0; b < HandTopology.BONES.length; b++) {
            Point3D from = point(p, HandTopology.BONES[b][0]);
            Point3D to = point(p, HandTopology.BONES[b][1]);
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

    private static Point3D point(float[] p, int landmark) {
        return new Point3D(p[3 * landmark], p[3 * landmark + 1], p[3 * landmark + 2]);
    }
}
