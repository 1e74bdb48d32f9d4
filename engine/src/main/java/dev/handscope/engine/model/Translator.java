package dev.handscope.engine.model;

/**
 * A model's pre- and post-processing apart from its runtime (cf. DJL's {@code Translator}): plain
 * Java, testable without any runtime.
 *
 * @param <I> what the caller hands in (an image and where to look)
 * @param <C> what pre-processing learnt that post-processing needs (e.g. the crop geometry)
 * @param <O> the decoded answer
 */
public interface Translator<I, C, O> {

    /** Writes the model input for {@code input} into {@code modelInput}. */
    C processInput(I input, float[] modelInput);

    /** Decodes the raw outputs of the run that followed {@link #processInput}. */
    O processOutput(C context, ModelRuntime outputs);
}
