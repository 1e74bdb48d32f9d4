package dev.handscope.engine.mesh;

/**
 * The camera that took the images, as the 3D placement needs it: an ideal pinhole for an image
 * size, and the landmarks as that ideal pinhole would have seen them (lens distortion removed).
 * Either a field of view (no distortion) or a calibration ({@code engine.calibration}).
 */
public interface CameraModel {

    /** The pinhole for images of this size. */
    PinholeCamera pinhole(int width, int height);

    /**
     * Image landmarks (21 x 3, x and y normalised to the image) with the lens distortion taken out;
     * z is kept. May return its argument when there is nothing to undo.
     */
    float[] undistort(float[] landmarks, int width, int height);

    /** The uncalibrated camera: a horizontal field of view, no distortion. */
    static CameraModel fieldOfView(double horizontalFovDegrees) {
        return new CameraModel() {
            @Override
            public PinholeCamera pinhole(int width, int height) {
                return PinholeCamera.ofFov(width, height, horizontalFovDegrees);
            }

            @Override
            public float[] undistort(float[] landmarks, int width, int height) {
                return landmarks;
            }
        };
    }
}
