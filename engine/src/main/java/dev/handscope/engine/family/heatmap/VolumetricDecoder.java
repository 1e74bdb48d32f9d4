package dev.handscope.engine.family.heatmap;

/**
 * Decodes volumetric (2.5D) heatmaps [1, h, w, d, K] (plain Java) by 3D soft-argmax: the centre of mass
 * over the volume, negative values taken as 0, in cells (x across, y down, z the depth bin); the score is
 * the peak value. A volume holding NaN or infinity gives {@link Peak#NON_FINITE}.
 */
public final class VolumetricDecoder {
    private final int height;
    private final int width;
    private final int depth;
    private final int keypoints;

    public VolumetricDecoder(int height, int width, int depth, int keypoints) {
        if (height < 1 || width < 1 || depth < 1 || keypoints < 1) {
            throw new IllegalArgumentException("volume sizes must be positive, got " + height + "x" + width + "x"
                    + depth + "x" + keypoints);
        }
        this.height = height;
        this.width = width;
        this.depth = depth;
        this.keypoints = keypoints;
    }

    /** Flat index of keypoint {@code k} at cell (x, y, z). */
    public int index(int k, int x, int y, int z) {
        return ((y * width + x) * depth + z) * keypoints + k;
    }

    public Peak decode(float[] volume, int k) {
        if (volume.length != height * width * depth * keypoints) {
            throw new IllegalArgumentException("expected " + height * width * depth * keypoints + " values, got "
                    + volume.length);
        }
        double sum = 0;
        double sx = 0;
        double sy = 0;
        double sz = 0;
        float max = Float.NEGATIVE_INFINITY;
        int bx = 0;
        int by = 0;
        int bz = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int z = 0; z < depth; z++) {
                    float v = volume[index(k, x, y, z)];
                    if (!Float.isFinite(v)) {
                        return Peak.NON_FINITE;
                    }
                    if (v > max) {
                        max = v;
                        bx = x;
                        by = y;
                        bz = z;
                    }
                    if (v > 0) {
                        sum += v;
                        sx += v * x;
                        sy += v * y;
                        sz += v * z;
                    }
                }
            }
        }
        if (sum > 0) {
            return new Peak(sx / sum, sy / sum, sz / sum, max, true);
        }
        return new Peak(bx, by, bz, max, true);
    }
}
