package dev.handscope.engine.face;

import dev.handscope.engine.tracking.OneEuroFilter;
import dev.handscope.engine.tracking.SmoothingOptions;

/**
 * One Euro filters over any number of image landmarks (x, y, z triples, image-normalised), filtered
 * in pixels with the speed scaled by the landmarks' size, as MediaPipe's landmark smoothing does.
 */
final class FaceLandmarkSmoother {
    private final OneEuroFilter[] filters;

    FaceLandmarkSmoother(SmoothingOptions options, int count) {
        filters = new OneEuroFilter[3 * count];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = new OneEuroFilter(options.minCutoff(), options.beta(), options.derivativeCutoff());
        }
    }

    /** Filters {@code raw} into {@code out} (both 3 x count long). */
    void smooth(float[] raw, float[] out, long timeNanos, int width, int height) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < raw.length; i += 3) {
            minX = Math.min(minX, raw[i]);
            maxX = Math.max(maxX, raw[i]);
            minY = Math.min(minY, raw[i + 1]);
            maxY = Math.max(maxY, raw[i + 1]);
        }
        double size = ((maxX - minX) * width + (maxY - minY) * height) / 2;
        double scale = size > 0 ? 1 / size : 1;
        for (int i = 0; i + 2 < raw.length; i += 3) {
            out[i] = (float) (filters[i].apply(raw[i] * width, timeNanos, scale) / width);
            out[i + 1] = (float) (filters[i + 1].apply(raw[i + 1] * height, timeNanos, scale) / height);
            out[i + 2] = (float) (filters[i + 2].apply(raw[i + 2] * width, timeNanos, scale) / width);
        }
    }
}
