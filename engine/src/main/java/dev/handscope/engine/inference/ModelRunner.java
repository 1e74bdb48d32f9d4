package dev.handscope.engine.inference;

import dev.handscope.engine.model.ModelRuntime;

/**
 * One loaded model on one runtime: runs again and again on its reused input and output arrays. Not
 * thread-safe: one runner per inference thread. {@link ModelRunners#load} picks the runtime.
 */
public interface ModelRunner extends ModelRuntime, AutoCloseable {

    InferenceDevice device();

    ModelContract contract();

    /** Time from reading the directory to a ready session. */
    long loadNanos();

    /** The runtime, its version and its threads, for logs, benchmarks and the HUD. */
    String description();

    /** The intra-op threads the model runs with when it has the cores to itself. */
    int intraOpThreads();

    /**
     * Whether the next runs share the cores with another model (the palm detector beside tracking, a
     * second hand beside the first): a runtime that can, runs them on fewer threads. The first
     * {@code true} may take as long as loading did (a session is built), so say it while setting up.
     */
    void besideOthers(boolean shared);

    @Override
    void close();
}
