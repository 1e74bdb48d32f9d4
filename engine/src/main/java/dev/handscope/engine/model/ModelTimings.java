package dev.handscope.engine.model;

/**
 * Where one model call's time went, in nanoseconds.
 *
 * @param preprocess  image to model input (warps, letterboxing)
 * @param inference   the runtime
 * @param postprocess decoding the outputs
 */
public record ModelTimings(long preprocess, long inference, long postprocess) {
    public static final ModelTimings NONE = new ModelTimings(0, 0, 0);

    public long total() {
        return preprocess + inference + postprocess;
    }
}
