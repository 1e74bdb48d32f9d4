package dev.handscope.engine.tracking;

/**
 * Where one frame's time went, in nanoseconds.
 *
 * @param preprocess  letterbox and crop warps (image to model input)
 * @param palm        palm detector inference (0 when it did not run)
 * @param landmarks   landmark model inference, all hands
 * @param postprocess decoding, suppression, rectangles, smoothing
 */
public record FrameTimings(long preprocess, long palm, long landmarks, long postprocess) {

    public long total() {
        return preprocess + palm + landmarks + postprocess;
    }
}
