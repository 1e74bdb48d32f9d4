package dev.handscope.engine.family.heatmap;

/**
 * Lifts 2.5D landmarks (image positions plus depths relative to the wrist) to camera space, plain Java.
 * A pinhole camera with the principal point at the image centre and focal length f = (W / 2) / tan(fov / 2)
 * (horizontal field of view) puts landmark i at (px - cx, py - cy, f) (Z + dz_i) / f; the root depth Z is
 * the one (the farther, when two) that makes the wrist to middle-knuckle bone (0 to 9) {@code bone} metres.
 * When no depth gives that length (the depths alone differ by more), Z is the one that comes closest.
 */
public final class CameraLift {
    private CameraLift() {
    }

    /**
     * The lift.
     *
     * @param world  camera-space x right, y down, z away (metres), centred on the landmarks' mean
     * @param depthZ image-normalised z per landmark: dz scaled like image x at the root depth
     * @param rootDepth Z, the wrist's distance from the camera in metres
     */
    public record Result(float[] world, float[] depthZ, double rootDepth) {
    }

    /**
     * @param image      n x (x, y, z) image-normalised (z ignored)
     * @param depth      n depths in metres relative to the wrist (landmark 0); the wrist's own is subtracted
     */
    public static Result lift(float[] image, double[] depth, int imageWidth, int imageHeight, double fovDegrees,
                              double bone) {
        int n = depth.length;
        double f = imageWidth / 2.0 / Math.tan(Math.toRadians(fovDegrees) / 2);
        double[][] ray = new double[n][];
        double[] dz = new double[n];
        for (int i = 0; i < n; i++) {
            ray[i] = new double[] {(image[3 * i] * imageWidth - imageWidth / 2.0) / f,
                (image[3 * i + 1] * imageHeight - imageHeight / 2.0) / f, 1};
            dz[i] = depth[i] - depth[0];
        }
        // P_i = ray_i (Z + dz_i); |P_9 - P_0| = bone is quadratic in Z: |A Z + B|^2 = bone^2
        double aa = 0;
        double ab = 0;
        double bb = 0;
        for (int c = 0; c < 3; c++) {
            double a = ray[9][c] - ray[0][c];
            double b = ray[9][c] * dz[9] - ray[0][c] * dz[0];
            aa += a * a;
            ab += a * b;
            bb += b * b;
        }
        double z;
        if (aa > 1e-18) {
            double disc = ab * ab - aa * (bb - bone * bone);
            z = disc >= 0 ? (-ab + Math.sqrt(disc)) / aa : -ab / aa;
        } else {
            z = f / imageWidth; // the bone points straight at the camera: no scale to be had, say 1 image width
        }
        double[][] p = new double[n][3];
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                p[i][c] = ray[i][c] * (z + dz[i]);
                mean[c] += p[i][c] / n;
            }
        }
        float[] world = new float[3 * n];
        float[] depthZ = new float[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                world[3 * i + c] = (float) (p[i][c] - mean[c]);
            }
            depthZ[i] = (float) (dz[i] * f / z / imageWidth);
        }
        return new Result(world, depthZ, z);
    }
}
