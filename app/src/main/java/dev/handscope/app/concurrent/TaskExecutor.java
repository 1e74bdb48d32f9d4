package dev.handscope.app.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (opening a camera, listing devices, closing a source) off the UI thread and hands
 * the outcome back on it, so the window never freezes. The one way UI code starts background work.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background; then {@code onSuccess} with its result or
     * {@code onFailure} with what it threw, on the UI thread, unless the returned task was
     * {@linkplain Task#cancel cancelled} first.
     */
    <T> Task execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Stops accepting work; running tasks are left to finish on their daemon threads. */
    @Override
    void close();
}
