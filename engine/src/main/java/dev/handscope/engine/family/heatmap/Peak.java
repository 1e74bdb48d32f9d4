package dev.handscope.engine.family.heatmap;

/**
 * One keypoint as a decoder found it, in the decoder's own units (heatmap cells, SimCC input pixels
 * or volume cells).
 *
 * @param x      across
 * @param y      down
 * @param z      depth cell for volumetric heatmaps, else 0
 * @param score  the peak value
 * @param finite false when the keypoint's map held NaN or infinity: then x, y, z are 0 and must not be used
 */
public record Peak(double x, double y, double z, double score, boolean finite) {
    /** What a decoder answers for a map with NaN or infinity in it. */
    public static final Peak NON_FINITE = new Peak(0, 0, 0, 0, false);
}
