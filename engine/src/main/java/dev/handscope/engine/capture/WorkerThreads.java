package dev.handscope.engine.capture;

import java.util.concurrent.TimeUnit;

/** Stopping the engine's worker threads (capture, inference) the same way. */
public final class WorkerThreads {
    private static final long JOIN_SECONDS = 5;

    private WorkerThreads() {
    }

    /** Interrupts the thread (its loop has been told to end) and waits a while for it to finish. */
    public static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(JOIN_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
