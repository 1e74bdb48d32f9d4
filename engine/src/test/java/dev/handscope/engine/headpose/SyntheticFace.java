package dev.handscope.engine.headpose;

/**
 * Fake face landmarks: the canonical mesh posed in camera space and projected through the pinhole
 * camera of {@link Screen}. x, y are the exact perspective projections normalised to the image;
 * z is what MediaPipe's landmark model reports, the camera depth relative to the mean depth at
 * x's scale: {@code (Z_i - Z_mean) * f / Z_mean / width}.
 */
final class SyntheticFace {
    private SyntheticFace() {
    }

    static float[] project(CanonicalFace face, double yaw, double pitch, double roll, double[] t, int width, int height,
                           double hfov) {
        double[] r = EulerAngles.matrix(yaw, pitch, roll);
        double f = Screen.focalPixels(width, hfov);
        int n = CanonicalFace.VERTICES;
        double[] cam = new double[n * 3];
        double meanZ = 0;
        for (int i = 0; i < n; i++) {
            double[] p = face.headFrameMetres(i);
            for (int k = 0; k < 3; k++) {
                cam[i * 3 + k] = r[k * 3] * p[0] + r[k * 3 + 1] * p[1] + r[k * 3 + 2] * p[2] + t[k];
            }
            meanZ += cam[i * 3 + 2];
        }
        meanZ /= n;
        float[] out = new float[n * 3];
        for (int i = 0; i < n; i++) {
            double z = cam[i * 3 + 2];
            out[i * 3] = (float) ((f * cam[i * 3] / z + width / 2.0) / width);
            out[i * 3 + 1] = (float) ((f * cam[i * 3 + 1] / z + height / 2.0) / height);
            out[i * 3 + 2] = (float) ((z - meanZ) * f / meanZ / width);
        }
        return out;
    }

    /** Rotates landmarks clockwise in the image by {@code degrees} about the image centre (pixels). */
    static float[] rotateImage(float[] lm, double degrees, int width, int height) {
        double a = Math.toRadians(degrees);
        double c = Math.cos(a);
        double s = Math.sin(a);
        float[] out = lm.clone();
        for (int i = 0; i < lm.length / 3; i++) {
            double du = lm[i * 3] * width - width / 2.0;
            double dv = lm[i * 3 + 1] * height - height / 2.0;
            out[i * 3] = (float) ((width / 2.0 + c * du - s * dv) / width);
            out[i * 3 + 1] = (float) ((height / 2.0 + s * du + c * dv) / height);
        }
        return out;
    }

    /**
     * The landmarks of the mirrored image (x -> 1 - x), relabelled as a landmark model would label
     * them: the mirrored image's landmark i is the original's landmark {@code mirror[i]}, the
     * canonical vertex symmetric to i.
     */
    static float[] mirror(float[] lm, int[] mirror) {
        float[] out = lm.clone();
        for (int i = 0; i < mirror.length; i++) {
            out[i * 3] = 1 - lm[mirror[i] * 3];
            out[i * 3 + 1] = lm[mirror[i] * 3 + 1];
            out[i * 3 + 2] = lm[mirror[i] * 3 + 2];
        }
        return out;
    }

    /** For each canonical vertex, the vertex nearest to its reflection x -> -x; and that distance's max. */
    static int[] symmetry(CanonicalFace face, double[] worstCm) {
        int n = CanonicalFace.VERTICES;
        int[] m = new int[n];
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double[] p = face.positionCm(i);
            double best = Double.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                double[] q = face.positionCm(j);
                double d = Math.hypot(Math.hypot(q[0] + p[0], q[1] - p[1]), q[2] - p[2]);
                if (d < best) {
                    best = d;
                    m[i] = j;
                }
            }
            worst = Math.max(worst, best);
        }
        worstCm[0] = worst;
        return m;
    }
}
