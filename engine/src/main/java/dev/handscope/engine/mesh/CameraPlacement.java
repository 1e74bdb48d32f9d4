package dev.handscope.engine.mesh;

/**
 * Places a fitted hand in camera space so that its joints project onto the image landmarks: with a
 * pinhole camera (a horizontal field of view centred on the image, or a calibrated one), the translation t
 * minimising the reprojection error is, after multiplying out the perspective division, the least
 * squares solution of a linear system in t (solved exactly, 3x3).
 */
public final class CameraPlacement {

    /**
     * @param translation camera-space position to add to the hand-centred points (metres; z forward)
     * @param meanErrorPx mean distance between projected joints and image landmarks, in pixels
     * @param maxErrorPx  largest such distance
     * @param focalPx     the focal length used, in pixels
     */
    public record Placement(float[] translation, double meanErrorPx, double maxErrorPx, double focalPx) {
    }

    private CameraPlacement() {
    }

    /** Focal length in pixels of a camera whose horizontal field of view spans {@code width} pixels. */
    public static double focalPx(int width, double horizontalFovDegrees) {
        return width / 2.0 / Math.tan(Math.toRadians(horizontalFovDegrees) / 2);
    }

    /**
     * @param points    21 x 3 hand points in camera-aligned axes (x right, y down, z away), origin anywhere
     * @param landmarks 21 x 3 image landmarks (x, y normalised to the image; z ignored)
     */
    public static Placement solve(float[] points, float[] landmarks, int width, int height, double fovDegrees) {
        return solve(points, landmarks, width, height, PinholeCamera.ofFov(width, height, fovDegrees));
    }

    /** As {@link #solve(float[], float[], int, int, double)}, with any pinhole camera. */
    public static Placement solve(float[] points, float[] landmarks, int width, int height, PinholeCamera camera) {
        double fx = camera.fx();
        double fy = camera.fy();
        double cx = camera.cx();
        double cy = camera.cy();
        // Each point gives: fx (X + tx) - du (Z + tz) = 0 and fy (Y + ty) - dv (Z + tz) = 0.
        double[][] ata = new double[3][3];
        double[] atb = new double[3];
        int n = points.length / 3;
        for (int i = 0; i < n; i++) {
            double du = landmarks[3 * i] * width - cx;
            double dv = landmarks[3 * i + 1] * height - cy;
            double x = points[3 * i];
            double y = points[3 * i + 1];
            double z = points[3 * i + 2];
            accumulate(ata, atb, new double[] {fx, 0, -du}, du * z - fx * x);
            accumulate(ata, atb, new double[] {0, fy, -dv}, dv * z - fy * y);
        }
        double[] t = solve3(ata, atb);
        float[] translation = {(float) t[0], (float) t[1], (float) t[2]};
        return reprojection(points, translation, landmarks, width, height, camera);
    }

    /** How far {@code points + translation}, projected, land from the image landmarks. */
    public static Placement reprojection(float[] points, float[] translation, float[] landmarks, int width, int height,
                                         double fovDegrees) {
        return reprojection(points, translation, landmarks, width, height, PinholeCamera.ofFov(width, height,
                fovDegrees));
    }

    /** As {@link #reprojection(float[], float[], float[], int, int, double)}, with any pinhole camera. */
    public static Placement reprojection(float[] points, float[] translation, float[] landmarks, int width, int height,
                                         PinholeCamera camera) {
        double sum = 0;
        double max = 0;
        int n = points.length / 3;
        for (int i = 0; i < n; i++) {
            double z = points[3 * i + 2] + translation[2];
            double u = camera.cx() + camera.fx() * (points[3 * i] + translation[0]) / z;
            double v = camera.cy() + camera.fy() * (points[3 * i + 1] + translation[1]) / z;
            double error = Math.hypot(u - landmarks[3 * i] * width, v - landmarks[3 * i + 1] * height);
            sum += error;
            max = Math.max(max, error);
        }
        return new Placement(translation, sum / n, max, camera.fx());
    }

    /**
     * Lifts image landmarks into camera space at a given depth: each landmark's ray, at the depth
     * its relative z (in image-width units, MediaPipe's convention) puts it.
     */
    public static float[] backProject(float[] landmarks, double depth, int width, int height, double fovDegrees) {
        return backProject(landmarks, depth, width, height, PinholeCamera.ofFov(width, height, fovDegrees));
    }

    /** As {@link #backProject(float[], double, int, int, double)}, with any pinhole camera. */
    public static float[] backProject(float[] landmarks, double depth, int width, int height, PinholeCamera camera) {
        float[] out = new float[landmarks.length];
        for (int i = 0; i + 2 < landmarks.length; i += 3) {
            double z = depth + landmarks[i + 2] * width * depth / camera.fx();
            out[i] = (float) ((landmarks[i] * width - camera.cx()) * z / camera.fx());
            out[i + 1] = (float) ((landmarks[i + 1] * height - camera.cy()) * z / camera.fy());
            out[i + 2] = (float) z;
        }
        return out;
    }

    private static void accumulate(double[][] ata, double[] atb, double[] row, double rhs) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                ata[r][c] += row[r] * row[c];
            }
            atb[r] += row[r] * rhs;
        }
    }

    /** Cramer's rule; the system is 3x3 and well conditioned for a hand in front of the camera. */
    private static double[] solve3(double[][] m, double[] b) {
        double det = determinant(m);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] replaced = new double[3][];
            for (int r = 0; r < 3; r++) {
                replaced[r] = m[r].clone();
                replaced[r][c] = b[r];
            }
            x[c] = determinant(replaced) / det;
        }
        return x;
    }

    private static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
