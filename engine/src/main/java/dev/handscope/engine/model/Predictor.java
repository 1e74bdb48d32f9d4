package dev.handscope.engine.model;

/**
 * Runs a translator's pre-processing, the runtime and its post-processing, and times the three: the
 * one place model calls are timed, whichever model it is. Not thread-safe, like its runtime.
 */
public final class Predictor<I, C, O> {
    private final ModelRuntime runtime;
    private final Translator<I, C, O> translator;
    private ModelTimings lastTimings = ModelTimings.NONE;

    public Predictor(ModelRuntime runtime, Translator<I, C, O> translator) {
        this.runtime = runtime;
        this.translator = translator;
    }

    public O predict(I input) {
        long start = System.nanoTime();
        C context = translator.processInput(input, runtime.input());
        long inferenceStart = System.nanoTime();
        runtime.run();
        long postStart = System.nanoTime();
        O output = translator.processOutput(context, runtime);
        long end = System.nanoTime();
        lastTimings = new ModelTimings(inferenceStart - start, postStart - inferenceStart, end - postStart);
        return output;
    }

    /** The timings of the last {@link #predict} call. */
    public ModelTimings lastTimings() {
        return lastTimings;
    }

    public ModelRuntime runtime() {
        return runtime;
    }
}
