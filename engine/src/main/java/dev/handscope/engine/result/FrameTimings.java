package dev.handscope.engine.result;

/**
 * Where one frame's tracking time went, in nanoseconds.
 *
 * @param copy        the frame copied into the image the models read
 * @param preprocess  letterbox and crop warps (image to model input)
 * @param detector    hand detector inference (0 when it did not run)
 * @param landmarks   landmark model inference, all hands
 * @param postprocess decoding, suppression, rectangles, smoothing
 */
public record FrameTimings(long copy, long preprocess, long detector, long landmarks, long postprocess) {

    public long total() {
        return copy + preprocess + detector + landmarks + postprocess;
    }

    /** The same timings with the frame copy counted. */
    public FrameTimings withCopy(long nanos) {
        return new FrameTimings(nanos, preprocess, detector, landmarks, postprocess);
    }
}
