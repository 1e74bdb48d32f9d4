package dev.handscope.engine.mesh;

/**
 * An ideal pinhole camera in pixels: what the 3D placement projects with.
 *
 * @param fx focal length along x, pixels
 * @param fy focal length along y, pixels
 * @param cx principal point x, pixels
 * @param cy principal point y, pixels
 */
public record PinholeCamera(double fx, double fy, double cx, double cy) {

    /** Square pixels, the principal point at the image centre, the focal length a horizontal field of view gives. */
    public static PinholeCamera ofFov(int width, int height, double horizontalFovDegrees) {
        double f = CameraPlacement.focalPx(width, horizontalFovDegrees);
        return new PinholeCamera(f, f, width / 2.0, height / 2.0);
    }
}
