package dev.handscope.engine.tracking;

/**
 * One Euro filters for one hand's 21 landmarks, image and world, reset when the track starts.
 * Image landmarks are filtered in pixels with the speed scaled by the hand's size in pixels, world
 * landmarks in metres scaled by the hand's size in metres, as MediaPipe does.
 */
final class LandmarkSmoother {
    private final OneEuroFilter[] image = new OneEuroFilter[63];
    private final OneEuroFilter[] world = new OneEuroFilter[63];

    LandmarkSmoother(SmoothingOptions options) {
        for (int i = 0; i < 63; i++) {
            image[i] = new OneEuroFilter(options.minCutoff(), options.beta(), options.derivativeCutoff());
            world[i] = new OneEuroFilter(options.minCutoff(), options.beta(), options.derivativeCutoff());
        }
    }

    /** Filters {@code raw} (image-normalised) into {@code out}. */
    void smoothImage(float[] raw, float[] out, long timeNanos, int width, int height) {
        double[] box = HandRects.bounds(raw);
        double size = ((box[2] - box[0]) * width + (box[3] - box[1]) * height) / 2;
        double scale = size > 0 ? 1 / size : 1;
        for (int i = 0; i < 63; i += 3) {
            out[i] = (float) (image[i].apply(raw[i] * width, timeNanos, scale) / width);
            out[i + 1] = (float) (image[i + 1].apply(raw[i + 1] * height, timeNanos, scale) / height);
            out[i + 2] = (float) (image[i + 2].apply(raw[i + 2] * width, timeNanos, scale) / width);
        }
    }

    /** Filters world landmarks (metres) into {@code out}. */
    void smoothWorld(float[] raw, float[] out, long timeNanos) {
        double[] box = HandRects.bounds(raw);
        double size = ((box[2] - box[0]) + (box[3] - box[1])) / 2;
        double scale = size > 0 ? 1 / size : 1;
        for (int i = 0; i < 63; i++) {
            out[i] = (float) world[i].apply(raw[i], timeNanos, scale);
        }
    }
}
