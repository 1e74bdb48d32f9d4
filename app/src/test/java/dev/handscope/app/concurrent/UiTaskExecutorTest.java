package dev.handscope.app.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The executor's promises, step by step: two queues stand in for the background pool and the UI
 * thread, and the test decides when each runs what it holds.
 */
class UiTaskExecutorTest {
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> uiThread = new ArrayDeque<>();
    private final UiTaskExecutor executor = new UiTaskExecutor(background::add, uiThread::add);

    private static void runAll(Queue<Runnable> queue) {
        for (Runnable next; (next = queue.poll()) != null; ) {
            next.run();
        }
    }

    @Test
    void theTypedResultReachesTheSuccessCallbackOnTheUiThreadOnly() {
        AtomicReference<List<String>> got = new AtomicReference<>();
        executor.execute(() -> List.of("camera 0", "camera 1"), got::set, error -> { });
        runAll(background);
        assertNull(got.get(), "nothing is delivered but through the UI thread");
        runAll(uiThread);
        List<String> cameras = got.get();
        assertEquals(List.of("camera 0", "camera 1"), cameras);
    }

    @Test
    void aFailureIsDeliveredAndTheSuccessCallbackIsNot() {
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicBoolean succeeded = new AtomicBoolean();
        executor.execute(() -> {
            throw new IOException("no such camera");
        }, result -> succeeded.set(true), failure::set);
        runAll(background);
        runAll(uiThread);
        assertFalse(succeeded.get());
        assertTrue(failure.get() instanceof IOException, String.valueOf(failure.get()));
        assertEquals("no such camera", failure.get().getMessage());
    }

    @Test
    void workCancelledBeforeItStartsNeverRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean called = new AtomicBoolean();
        Task task = executor.execute(() -> ran.getAndSet(true), done -> called.set(true), error -> called.set(true));
        assertTrue(task.cancel(), "not started yet: it never will");
        assertTrue(task.isCancelled());
        runAll(background);
        runAll(uiThread);
        assertFalse(ran.get());
        assertFalse(called.get());
        assertFalse(task.cancel(), "a second cancel reports nothing new");
    }

    @Test
    void aTaskCancelledWhileRunningFinishesButItsSuccessCallbackNeverRuns() {
        AtomicReference<Task> task = new AtomicReference<>();
        AtomicBoolean cancelledWhileRunning = new AtomicBoolean(true);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean called = new AtomicBoolean();
        task.set(executor.execute(() -> {
            cancelledWhileRunning.set(task.get().cancel()); // a newer source choice overtakes this one
            finished.set(true);
            return "camera opened late";
        }, result -> called.set(true), error -> called.set(true)));
        runAll(background);
        runAll(uiThread);
        assertFalse(cancelledWhileRunning.get(), "the work had started: cancel says it could not stop it");
        assertTrue(finished.get(), "running work is not interrupted");
        assertFalse(called.get(), "a cancelled task's late result is ignored");
    }

    @Test
    void aResultAlreadyWaitingForTheUiThreadIsIgnoredOnceCancelled() {
        AtomicBoolean succeeded = new AtomicBoolean();
        Task task = executor.execute(() -> "done", result -> succeeded.set(true), error -> { });
        runAll(background);
        assertEquals(1, uiThread.size(), "the result waits on the UI thread");
        task.cancel();
        runAll(uiThread);
        assertFalse(succeeded.get());
    }

    @Test
    void aFailureOfACancelledTaskIsIgnoredToo() {
        AtomicBoolean failed = new AtomicBoolean();
        Task task = executor.execute(() -> {
            throw new IOException("too late to matter");
        }, result -> { }, error -> failed.set(true));
        runAll(background);
        task.cancel();
        runAll(uiThread);
        assertFalse(failed.get());
    }

    @Test
    void aDiscardedResultThatHoldsSomethingIsClosedAndAWantedOneIsNot() {
        AtomicInteger closed = new AtomicInteger();
        AtomicReference<AutoCloseable> kept = new AtomicReference<>();
        Task unwanted = executor.execute(() -> (AutoCloseable) closed::incrementAndGet, model -> { }, error -> { });
        executor.execute(() -> (AutoCloseable) closed::incrementAndGet, kept::set, error -> { });
        runAll(background);
        unwanted.cancel(); // a loaded model whose window moved on meanwhile
        runAll(uiThread);
        runAll(background); // the closing runs off the UI thread
        assertEquals(1, closed.get(), "only the discarded model was closed");
        assertTrue(kept.get() != null);
    }
}
