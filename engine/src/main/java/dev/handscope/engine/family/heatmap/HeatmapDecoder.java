package dev.handscope.engine.family.heatmap;

/**
 * Decodes 2D keypoint heatmaps (plain Java, no runtime): finds each keypoint's peak in heatmap cells
 * by {@link HeatmapDecode argmax+quarter, DARK or soft-argmax}; its score is the peak value. A map
 * holding NaN or infinity gives {@link Peak#NON_FINITE}. Scratch buffers are reused: one decoder per
 * thread.
 */
public final class HeatmapDecoder {
    /** mmpose's DARK blur kernel for 64x64 heatmaps (OpenCV's sigma for it is 2). */
    public static final int DEFAULT_BLUR_KERNEL = 11;

    private final HeatmapDecode method;
    private final int height;
    private final int width;
    private final int keypoints;
    private final HeatmapLayout layout;
    private final float[] map;
    private final double[] blurred;
    private final double[] rows;
    private final double[] kernel;

    /**
     * @param blurKernel odd Gaussian kernel size for DARK (sigma as OpenCV derives it from the size)
     */
    public HeatmapDecoder(HeatmapDecode method, HeatmapLayout layout, int height, int width, int keypoints,
                          int blurKernel) {
        if (height < 1 || width < 1 || keypoints < 1) {
            throw new IllegalArgumentException("heatmap sizes must be positive, got " + height + "x" + width
                    + "x" + keypoints);
        }
        if (blurKernel < 1 || blurKernel % 2 == 0) {
            throw new IllegalArgumentException("the DARK blur kernel must be odd and positive, got " + blurKernel);
        }
        this.method = method;
        this.layout = layout;
        this.height = height;
        this.width = width;
        this.keypoints = keypoints;
        this.map = new float[height * width];
        this.blurred = method == HeatmapDecode.DARK ? new double[height * width] : null;
        this.rows = method == HeatmapDecode.DARK ? new double[height * width] : null;
        this.kernel = gaussianKernel(blurKernel);
    }

    /** OpenCV's getGaussianKernel(size, 0): sigma = 0.3 ((size - 1) / 2 - 1) + 0.8, normalised to sum 1. */
    static double[] gaussianKernel(int size) {
        double sigma = 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
        double[] k = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = i - (size - 1) / 2.0;
            k[i] = Math.exp(-d * d / (2 * sigma * sigma));
            sum += k[i];
        }
        for (int i = 0; i < size; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Keypoint {@code k}'s peak in heatmap cells (cell (x, y) at integer x, y). */
    public Peak decode(float[] heatmaps, int k) {
        if (heatmaps.length != height * width * keypoints) {
            throw new IllegalArgumentException("expected " + height * width * keypoints + " heatmap values, got "
                    + heatmaps.length);
        }
        int best = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = heatmaps[layout.index(height, width, keypoints, k, y, x)];
                if (!Float.isFinite(v)) {
                    return Peak.NON_FINITE;
                }
                map[y * width + x] = v;
                if (v > max) {
                    max = v;
                    best = y * width + x;
                }
            }
        }
        int ax = best % width;
        int ay = best / width;
        double x = ax;
        double y = ay;
        switch (method) {
            case ARGMAX_QUARTER -> {
                if (ax > 0 && ax < width - 1) {
                    x += 0.25 * Math.signum(map[best + 1] - map[best - 1]);
                }
                if (ay > 0 && ay < height - 1) {
                    y += 0.25 * Math.signum(map[best + width] - map[best - width]);
                }
            }
            case DARK -> {
                double[] offset = darkOffset(ax, ay);
                x += offset[0];
                y += offset[1];
            }
            case SOFT_ARGMAX -> {
                double sum = 0;
                double sx = 0;
                double sy = 0;
                for (int i = 0; i < map.length; i++) {
                    double w = Math.max(map[i], 0);
                    sum += w;
                    sx += w * (i % width);
                    sy += w * (i / width);
                }
                if (sum > 0) {
                    x = sx / sum;
                    y = sy / sum;
                }
            }
        }
        return new Peak(x, y, 0, max, true);
    }

    /**
     * mmpose's DARK: blur (zero outside the map), log, then the Newton step -H^-1 g from the argmax with
     * central differences (second derivatives over two cells); no step near the border or for a flat map.
     */
    private double[] darkOffset(int ax, int ay) {
        if (!(ax > 1 && ax < width - 2 && ay > 1 && ay < height - 2)) {
            return new double[2];
        }
        int r = kernel.length / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = x + i;
                    if (xx >= 0 && xx < width) {
                        s += kernel[i + r] * map[y * width + xx];
                    }
                }
                rows[y * width + x] = s;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = y + i;
                    if (yy >= 0 && yy < height) {
                        s += kernel[i + r] * rows[yy * width + x];
                    }
                }
                blurred[y * width + x] = Math.log(Math.max(s, 1e-10));
            }
        }
        double dx = 0.5 * (at(ax + 1, ay) - at(ax - 1, ay));
        double dy = 0.5 * (at(ax, ay + 1) - at(ax, ay - 1));
        double dxx = 0.25 * (at(ax + 2, ay) - 2 * at(ax, ay) + at(ax - 2, ay));
        double dxy = 0.25 * (at(ax + 1, ay + 1) - at(ax + 1, ay - 1) - at(ax - 1, ay + 1) + at(ax - 1, ay - 1));
        double dyy = 0.25 * (at(ax, ay + 2) - 2 * at(ax, ay) + at(ax, ay - 2));
        double det = dxx * dyy - dxy * dxy;
        if (det == 0 || !Double.isFinite(det)) {
            return new double[2];
        }
        // -H^-1 g with H^-1 = [[dyy, -dxy], [-dxy, dxx]] / det
        double ox = -(dyy * dx - dxy * dy) / det;
        double oy = -(-dxy * dx + dxx * dy) / det;
        if (!Double.isFinite(ox) || !Double.isFinite(oy)) {
            return new double[2];
        }
        return new double[] {ox, oy};
    }

    private double at(int x, int y) {
        return blurred[y * width + x];
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }
}
