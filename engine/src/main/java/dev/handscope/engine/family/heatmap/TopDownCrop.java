package dev.handscope.engine.family.heatmap;

import dev.handscope.engine.landmarks.CropGeometry;
import dev.handscope.engine.landmarks.RotatedRect;

/**
 * Where a top-down model looks: the detector's region grown by {@code cropScale} about its centre and
 * made square of its longer side (in pixels), turned with the region or upright, sampled to the model's
 * input. Model input position (u, v) (u = 0 the crop's left edge, u = size its right edge) maps to the image
 * through {@link CropGeometry#cropToImage}.
 */
public final class TopDownCrop {
    /** The wrist to middle-knuckle length the 2D approximation of world landmarks assumes, metres. */
    public static final double APPROXIMATE_BONE = 0.09;

    private TopDownCrop() {
    }

    public static CropGeometry geometry(RotatedRect region, int imageWidth, int imageHeight, TopDownOptions options) {
        double scale = options.cropScale();
        RotatedRect grown = new RotatedRect(region.centerX(), region.centerY(), region.width() * scale,
                region.height() * scale, options.rotate() ? region.rotation() : 0);
        return new CropGeometry(grown, imageWidth, imageHeight, options.input().width());
    }

    /**
     * World landmarks for families that give no depth: a documented approximation, the image landmarks
     * in pixels (so with the crop's rotation undone, turned like the image), centred on their mean, scaled
     * so the wrist to middle-knuckle bone (0 to 9) is {@code bone} metres, z = 0. All zeros when that bone
     * has no length.
     *
     * @param image 21 x (x, y, z), image-normalised
     */
    public static float[] approximateWorld(float[] image, int imageWidth, int imageHeight, double bone) {
        int n = image.length / 3;
        double[] px = new double[n];
        double[] py = new double[n];
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            px[i] = image[3 * i] * (double) imageWidth;
            py[i] = image[3 * i + 1] * (double) imageHeight;
            mx += px[i] / n;
            my += py[i] / n;
        }
        float[] world = new float[image.length];
        double length = Math.hypot(px[9] - px[0], py[9] - py[0]);
        if (!(length > 0)) {
            return world;
        }
        double k = bone / length;
        for (int i = 0; i < n; i++) {
            world[3 * i] = (float) ((px[i] - mx) * k);
            world[3 * i + 1] = (float) ((py[i] - my) * k);
        }
        return world;
    }
}
