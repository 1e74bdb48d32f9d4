package dev.handscope.engine.family.heatmap;

import java.util.Objects;

/**
 * A top-down heatmap model: one output of [1, h, w, K] heatmaps (or [1, K, h, w] with NCHW). Heatmap cell
 * (x, y) stands for input position (x s, y s) with s = input size / heatmap size (mmpose's codec rule).
 *
 * @param topDown    crop, input and keypoint mapping
 * @param output     the heatmap output's name in the signature
 * @param layout     NHWC ([1, h, w, K]) or NCHW ([1, K, h, w])
 * @param decode     how peaks are refined
 * @param blurKernel DARK's odd Gaussian kernel size ({@link HeatmapDecoder#DEFAULT_BLUR_KERNEL})
 */
public record HeatmapOptions(TopDownOptions topDown, String output, HeatmapLayout layout, HeatmapDecode decode,
                             int blurKernel) {

    public HeatmapOptions {
        Objects.requireNonNull(topDown, "topDown");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(decode, "decode");
        if (blurKernel < 1 || blurKernel % 2 == 0) {
            throw new IllegalArgumentException("the DARK blur kernel must be odd and positive, got " + blurKernel);
        }
    }

    /** NHWC heatmaps decoded with argmax+quarter. */
    public static HeatmapOptions of(TopDownOptions topDown, String output) {
        return new HeatmapOptions(topDown, output, HeatmapLayout.NHWC, HeatmapDecode.ARGMAX_QUARTER,
                HeatmapDecoder.DEFAULT_BLUR_KERNEL);
    }
}
