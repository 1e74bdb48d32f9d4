package dev.handscope.engine.model;

/**
 * What a runtime does for a model, whichever runtime it is: one input tensor filled in place, one
 * run, outputs read back as flat arrays in a fixed order. TensorFlow's runner is one implementation.
 */
public interface ModelRuntime {

    /** The input values (NHWC float32), reused from run to run; fill before {@link #run()}. */
    float[] input();

    /** Runs the model on {@link #input()}. */
    void run();

    /** Output {@code index} as of the last run; valid until the next. */
    float[] output(int index);
}
