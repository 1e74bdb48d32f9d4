package dev.handscope.engine.inference;

import dev.handscope.engine.model.ModelRuntime;
import java.nio.file.Path;

/**
 * One loaded model on one runtime: runs again and again on its reused input and output arrays. Not
 * thread-safe: one runner per inference thread. {@link ModelRunners#load} picks the runtime.
 */
public interface ModelRunner extends ModelRuntime, AutoCloseable {

    Path directory();

    InferenceDevice device();

    ModelContract contract();

    /** Time from reading the directory to a ready session. */
    long loadNanos();

    /** The runtime, its version and its threads, for logs, benchmarks and the HUD. */
    String description();

    @Override
    void close();
}
