package dev.handscope.engine.mesh;

/**
 * How well one camera sees where a hand is: the one-sigma error of the camera-space wrist, per axis,
 * in metres. A single camera fixes the hand's distance only through its assumed size, so a relative
 * size error s moves the wrist along its viewing ray by s times the wrist position; the placement's
 * mean reprojection residual adds the sideways error that many pixels stand for at the hand's depth.
 */
public final class WristUncertainty {
    /** Relative error of the landmark model's own metric scale: adult hand sizes spread about 10% (1 sigma). */
    public static final double MODEL_SCALE = 0.10;
    /** Relative error left when the user gave their hand's size (--hand-size): the landmarks' own bone noise. */
    public static final double GIVEN_SCALE = 0.03;

    private WristUncertainty() {
    }

    /** Sigma (x, y, z) of {@code placement}'s translation through {@code camera}. */
    public static float[] sigma(CameraPlacement.Placement placement, PinholeCamera camera, double relativeScale) {
        float[] t = placement.translation();
        double depth = Math.abs(t[2]);
        return new float[] {
            (float) Math.hypot(t[0] * relativeScale, depth * placement.meanErrorPx() / camera.fx()),
            (float) Math.hypot(t[1] * relativeScale, depth * placement.meanErrorPx() / camera.fy()),
            (float) (depth * relativeScale)};
    }
}
