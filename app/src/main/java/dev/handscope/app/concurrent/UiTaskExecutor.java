package dev.handscope.app.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** {@link TaskExecutor} on a pool of daemon threads, delivering results with Platform.runLater. */
public final class UiTaskExecutor implements TaskExecutor {
    private final Executor pool;
    private final Executor ui;

    public UiTaskExecutor() {
        this(daemonPool(), Platform::runLater);
    }

    /** With {@code pool} running the work and {@code ui} the callbacks (the FX thread in the app; queues in tests). */
    public UiTaskExecutor(Executor pool, Executor ui) {
        this.pool = pool;
        this.ui = ui;
    }

    private static ExecutorService daemonPool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "handscope-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> Task execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        Run<T> run = new Run<>(work, onSuccess, onFailure);
        pool.execute(run);
        return run;
    }

    @Override
    public void close() {
        if (pool instanceof ExecutorService service) {
            service.shutdown();
        }
    }

    /** One task: waiting, then running, then done; cancelled at any point before its callback runs. */
    private final class Run<T> implements Task, Runnable {
        private static final int WAITING = 0;
        private static final int RUNNING = 1;
        private static final int DONE = 2;

        private final Callable<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<? super Exception> onFailure;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile boolean cancelled;

        Run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(WAITING, RUNNING)) {
                return; // cancelled before it started
            }
            try {
                T result = work.call();
                state.set(DONE);
                ui.execute(() -> {
                    if (cancelled) {
                        discard(result);
                    } else {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception e) {
                state.set(DONE);
                ui.execute(() -> {
                    if (!cancelled) {
                        onFailure.accept(e);
                    }
                });
            }
        }

        /** A result nobody wants any more: closed if it holds something, off the UI thread. */
        private void discard(T result) {
            if (result instanceof AutoCloseable closeable) {
                Runnable close = () -> {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        System.err.println("handscope: closing a discarded result failed: " + e.getMessage());
                    }
                };
                try {
                    pool.execute(close);
                } catch (RejectedExecutionException closedDown) {
                    close.run();
                }
            }
        }

        @Override
        public boolean cancel() {
            boolean first = !cancelled;
            cancelled = true;
            return first && state.compareAndSet(WAITING, DONE);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
