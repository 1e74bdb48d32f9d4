package dev.handscope.engine.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that runs part of a frame's work beside the inference thread (the palm
 * detector, a second hand, the faces): on a laptop's two cores, the second core's share.
 */
public final class SideWorker {
    private static final long STOP_SECONDS = 5;
    private final ExecutorService executor;

    public SideWorker(String threadName) {
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> Future<T> submit(Callable<T> work) {
        return executor.submit(work);
    }

    /**
     * Waits for {@code task}; what it threw comes back as it was (runtime exceptions) or wrapped.
     *
     * @param what the work, for messages ("the hand detector")
     */
    public static <T> T await(Future<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Takes no more work and waits a while for the task under way.
     *
     * @return whether the thread has ended (false: its task still runs, so what it uses must stay open)
     */
    public boolean stop() {
        executor.shutdown();
        try {
            return executor.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
