package dev.handscope.engine.family.heatmap;

/**
 * Decodes SimCC outputs (RTMPose, plain Java): per keypoint a 1D classification over x bins and one over
 * y bins ([1, K, W s] and [1, K, H s]); the position is each argmax divided by the split ratio s (model
 * input pixels), the score the smaller of the two maxima (mmpose's get_simcc_maximum). A keypoint whose
 * vectors hold NaN or infinity gives {@link Peak#NON_FINITE}.
 */
public final class SimccDecoder {
    private final int keypoints;
    private final int binsX;
    private final int binsY;
    private final double splitRatio;

    public SimccDecoder(int keypoints, int binsX, int binsY, double splitRatio) {
        if (keypoints < 1 || binsX < 1 || binsY < 1) {
            throw new IllegalArgumentException("SimCC sizes must be positive, got K=" + keypoints + ", " + binsX
                    + " x bins, " + binsY + " y bins");
        }
        if (!(splitRatio > 0) || !Double.isFinite(splitRatio)) {
            throw new IllegalArgumentException("split ratio must be a positive number, got " + splitRatio);
        }
        this.keypoints = keypoints;
        this.binsX = binsX;
        this.binsY = binsY;
        this.splitRatio = splitRatio;
    }

    /** Keypoint {@code k} in model input pixels. */
    public Peak decode(float[] simccX, float[] simccY, int k) {
        if (simccX.length != keypoints * binsX || simccY.length != keypoints * binsY) {
            throw new IllegalArgumentException("expected " + keypoints * binsX + " x and " + keypoints * binsY
                    + " y values, got " + simccX.length + " and " + simccY.length);
        }
        int bx = argmax(simccX, k * binsX, binsX);
        int by = argmax(simccY, k * binsY, binsY);
        if (bx < 0 || by < 0) {
            return Peak.NON_FINITE;
        }
        double score = Math.min(simccX[k * binsX + bx], simccY[k * binsY + by]);
        return new Peak(bx / splitRatio, by / splitRatio, 0, score, true);
    }

    /** Index of the first maximum within values[from, from + count), or -1 when a value is not finite. */
    private static int argmax(float[] values, int from, int count) {
        int best = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            float v = values[from + i];
            if (!Float.isFinite(v)) {
                return -1;
            }
            if (v > max) {
                max = v;
                best = i;
            }
        }
        return best;
    }
}
