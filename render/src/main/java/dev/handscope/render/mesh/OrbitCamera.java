package dev.handscope.render.mesh;

import javafx.scene.PerspectiveCamera;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * The 3D view's camera rig: a 60-degree camera that starts where the video's camera is (the
 * origin, looking down +z) and turns around a pivot in front of it. Its transforms, applied in
 * order: out to the pivot, yaw, pitch, pan, then back by the viewing distance; at rest they cancel,
 * so the first view is the video's own.
 */
final class OrbitCamera {
    private static final double DEGREES_PER_PIXEL = 0.4;
    private static final double MAX_PITCH = 89;
    /** Scroll zooms exponentially: each wheel unit scales the distance by this factor. */
    private static final double ZOOM_PER_UNIT = 1.0015;
    private static final double NEAREST = 0.08;
    private static final double FARTHEST = 3;

    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final double pivotDepth;
    private final Rotate yaw = new Rotate(0, Rotate.Y_AXIS);
    private final Rotate pitch = new Rotate(0, Rotate.X_AXIS);
    private final Translate pan = new Translate();
    private final Translate distance;
    private double dragX;
    private double dragY;

    OrbitCamera(double pivotDepth) {
        this.pivotDepth = pivotDepth;
        distance = new Translate(0, 0, -pivotDepth);
        camera.setVerticalFieldOfView(false);
        camera.setFieldOfView(60);
        camera.setNearClip(0.005);
        camera.setFarClip(20);
        camera.getTransforms().setAll(new Translate(0, 0, pivotDepth), yaw, pitch, pan, distance);
    }

    PerspectiveCamera camera() {
        return camera;
    }

    /** Drag to orbit, right-drag to pan, scroll to zoom, double-click to reset, over this area. */
    void controlWith(Region area) {
        area.setOnMousePressed(event -> {
            dragX = event.getSceneX();
            dragY = event.getSceneY();
            if (event.getClickCount() == 2) {
                reset();
            }
        });
        area.setOnMouseDragged(event -> {
            double dx = event.getSceneX() - dragX;
            double dy = event.getSceneY() - dragY;
            dragX = event.getSceneX();
            dragY = event.getSceneY();
            if (event.getButton() == MouseButton.SECONDARY) {
                pan(dx, dy, area.getWidth());
            } else {
                orbit(dx, dy);
            }
        });
        area.setOnScroll(event -> zoom(event.getDeltaY()));
    }

    /** Turns around the pivot; pitch stops short of straight up or down. */
    void orbit(double dx, double dy) {
        yaw.setAngle(yaw.getAngle() + dx * DEGREES_PER_PIXEL);
        pitch.setAngle(Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pitch.getAngle() - dy * DEGREES_PER_PIXEL)));
    }

    /** Moves the pivot sideways so that what is under the mouse follows it, about, at any distance. */
    void pan(double dx, double dy, double viewWidth) {
        double metresPerPixel = -distance.getZ() / Math.max(1, viewWidth);
        pan.setX(pan.getX() - dx * metresPerPixel);
        pan.setY(pan.getY() - dy * metresPerPixel);
    }

    /** Scrolling up comes closer. */
    void zoom(double wheelDelta) {
        double z = distance.getZ() * Math.pow(ZOOM_PER_UNIT, -wheelDelta);
        distance.setZ(Math.max(-FARTHEST, Math.min(-NEAREST, z)));
    }

    /** Back to the video's own viewpoint. */
    void reset() {
        yaw.setAngle(0);
        pitch.setAngle(0);
        pan.setX(0);
        pan.setY(0);
        distance.setZ(-pivotDepth);
    }
}
