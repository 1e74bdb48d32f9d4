package dev.handscope.engine.capture;

import dev.handscope.engine.metrics.RateMeter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The capture thread: opens a source, reads frames into pooled buffers, paces files to their native
 * rate and hands each frame to a {@link NewestWinsSlot}. Cameras that are missing or get unplugged
 * are retried every few seconds; files that end either stop or loop.
 *
 * <p>Pausing stops a file where it is (stepping lets exactly one more frame through); a live camera
 * keeps being read while paused, so that a step shows what it sees now, not a stale buffered frame.
 */
public final class CaptureLoop implements AutoCloseable {

    /** Opens sources; the default is {@link FrameSources#open}. */
    @FunctionalInterface
    public interface SourceOpener {
        FrameSource open(SourceSpec spec) throws CaptureException;
    }

    private static final long POOL_WAIT_MS = 100;
    /** Once this far behind schedule, pacing restarts from now instead of bursting to catch up. */
    private static final int MAX_LATE_INTERVALS = 3;

    private final SourceSpec spec;
    private final CaptureOptions options;
    private final SourceOpener opener;
    private final FramePool pool;
    private final NewestWinsSlot<Frame> output;
    private final Consumer<CaptureStatus> statusListener;
    private final RateMeter captureRate = RateMeter.perSecond();
    private final AtomicLong captured = new AtomicLong();
    private final Object pauseLock = new Object();
    private final Thread thread;

    private volatile boolean running = true;
    private volatile CaptureStatus status;
    private volatile SkippedFiles skipped = SkippedFiles.NONE;
    private boolean paused;
    private int stepPermits;
    private long sequence;

    public CaptureLoop(SourceSpec spec, CaptureOptions options, SourceOpener opener, FramePool pool,
                       NewestWinsSlot<Frame> output, Consumer<CaptureStatus> statusListener) {
        this.spec = spec;
        this.options = options;
        this.opener = opener;
        this.pool = pool;
        this.output = output;
        this.statusListener = statusListener;
        this.status = new CaptureStatus(CaptureStatus.State.OPENING, "Opening " + spec + "…", null);
        this.thread = new Thread(this::run, "handscope-capture");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public SourceSpec spec() {
        return spec;
    }

    public CaptureStatus status() {
        return status;
    }

    /** Frames read from the source and handed on (including those dropped later). */
    public long capturedCount() {
        return captured.get();
    }

    /** Files of the open source it could not read and played past. */
    public SkippedFiles skippedFiles() {
        return skipped;
    }

    /** Frames per second handed on over the last second. */
    public double captureRate() {
        return captureRate.rate(System.nanoTime());
    }

    public void pause() {
        synchronized (pauseLock) {
            paused = true;
            stepPermits = 0;
        }
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            stepPermits = 0;
            pauseLock.notifyAll();
        }
    }

    /** While paused, lets exactly one more frame through. */
    public void step() {
        synchronized (pauseLock) {
            if (paused) {
                stepPermits++;
                pauseLock.notifyAll();
            }
        }
    }

    public boolean isPaused() {
        synchronized (pauseLock) {
            return paused;
        }
    }

    @Override
    public void close() {
        running = false;
        WorkerThreads.stop(thread);
    }

    private void publish(CaptureStatus.State state, String message, SourceInfo info) {
        status = new CaptureStatus(state, message, info);
        statusListener.accept(status);
    }

    private void run() {
        try {
            while (running) {
                FrameSource source = openSource();
                if (source == null) {
                    return;
                }
                try (source) {
                    if (!play(source)) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts the thread: leave quietly.
        } finally {
            publish(CaptureStatus.State.STOPPED, "", null);
        }
    }

    /** Opens the source, retrying cameras until one answers; null when giving up or closed. */
    private FrameSource openSource() throws InterruptedException {
        while (running) {
            publish(CaptureStatus.State.OPENING, "Opening " + spec + "…", null);
            try {
                return opener.open(spec);
            } catch (CaptureException e) {
                if (!spec.isCamera()) {
                    publish(CaptureStatus.State.FAILED, e.getMessage(), null);
                    return null;
                }
                publish(CaptureStatus.State.RETRYING, e.getMessage() + " Retrying every "
                        + options.reconnectInterval().toSeconds() + " s.", null);
                Thread.sleep(options.reconnectInterval().toMillis());
            }
        }
        return null;
    }

    /**
     * Plays an open source until it ends, fails or the loop closes.
     *
     * @return true to reopen the source (a lost camera), false to stop the thread
     */
    private boolean play(FrameSource source) throws InterruptedException {
        SourceInfo info = source.info();
        boolean live = info.kind().isLive();
        long stillInterval = Math.round(1e9 / options.stillFrameRate());
        boolean pace = !live && options.pace();
        long due = 0;
        skipped = SkippedFiles.NONE;
        publish(CaptureStatus.State.RUNNING, "", info);
        while (running) {
            if (!live && !awaitPass()) {
                due = 0; // after a pause, pacing starts again from now
                continue;
            }
            Frame frame = pool.acquire(POOL_WAIT_MS, TimeUnit.MILLISECONDS);
            if (frame == null) {
                continue;
            }
            boolean handedOn = false;
            try {
                if (!source.read(frame)) {
                    if (!options.loop()) {
                        publish(CaptureStatus.State.ENDED, "End of " + info.description() + ".", info);
                        return false;
                    }
                    source.rewind();
                    continue;
                }
                if (source.skippedFiles().count() != skipped.count()) {
                    skipped = source.skippedFiles();
                    publish(CaptureStatus.State.RUNNING, skipped.message(info.description()), info);
                }
                frame.fillBgra();
                if (pace) {
                    long interval = source.frameIntervalNanos() > 0 ? source.frameIntervalNanos() : stillInterval;
                    long now = System.nanoTime();
                    if (due == 0 || now - due > MAX_LATE_INTERVALS * interval) {
                        due = now;
                    }
                    sleepUntil(due);
                    due += interval;
                }
                if (live && !mayPass()) {
                    continue;
                }
                long now = System.nanoTime();
                frame.stamp(sequence++, now);
                captureRate.record(now);
                captured.incrementAndGet();
                output.offer(frame);
                handedOn = true;
            } catch (SourceLostException e) {
                publish(CaptureStatus.State.RETRYING, e.getMessage() + " Retrying every "
                        + options.reconnectInterval().toSeconds() + " s.", null);
                Thread.sleep(options.reconnectInterval().toMillis());
                return true;
            } catch (CaptureException e) {
                publish(CaptureStatus.State.FAILED, e.getMessage(), info);
                return false;
            } finally {
                if (!handedOn) {
                    frame.release();
                }
            }
        }
        return false;
    }

    /** Whether a frame may go on now: not paused, or a step is pending (which this uses up). */
    private boolean mayPass() {
        synchronized (pauseLock) {
            if (!paused) {
                return true;
            }
            if (stepPermits > 0) {
                stepPermits--;
                return true;
            }
            return false;
        }
    }

    /** Finite sources wait here while paused; false after a short wait so the caller re-checks. */
    private boolean awaitPass() throws InterruptedException {
        synchronized (pauseLock) {
            if (mayPass()) {
                return true;
            }
            pauseLock.wait(POOL_WAIT_MS);
            return false;
        }
    }

    private static void sleepUntil(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
