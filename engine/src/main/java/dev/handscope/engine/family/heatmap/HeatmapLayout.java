package dev.handscope.engine.family.heatmap;

import java.util.Locale;

/** How a [1, ., ., .] heatmap tensor is laid out: channels last ([1, h, w, K]) or first ([1, K, h, w]). */
public enum HeatmapLayout {
    NHWC, NCHW;

    /** "NHWC" or "NCHW", any case. */
    public static HeatmapLayout parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layout is NHWC or NCHW, got '" + text + "'");
        }
    }

    /** The flat index of keypoint {@code k}'s cell (x, y) in a heatmap of {@code height x width x keypoints}. */
    public int index(int height, int width, int keypoints, int k, int y, int x) {
        return this == NHWC ? (y * width + x) * keypoints + k : (k * height + y) * width + x;
    }
}
