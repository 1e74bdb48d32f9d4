package dev.handscope.engine.stage;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.result.FrameResult;
import java.util.concurrent.CompletableFuture;

/**
 * Hands every processed frame to a recorder while a recording runs. A recording restarts tracking
 * and counts frame times from zero in whole milliseconds, exactly as a replay of it will see them;
 * stopping restarts tracking again (frame times jump back to the source's own).
 */
public final class RecordingStage implements FrameStage {

    /** Receives every processed frame while a recording runs (on the inference thread, in order). */
    @FunctionalInterface
    public interface Recorder {
        void add(Frame frame, FrameResult result) throws Exception;
    }

    private volatile Recorder pendingRecorder;
    private volatile boolean stopRequested;
    private volatile String failure;
    /** Completed once a requested stop is taken up: no frame reaches the recorder after. */
    private volatile CompletableFuture<Void> stopped = CompletableFuture.completedFuture(null);
    private volatile boolean ended;
    private Recorder recorder;
    private long origin = -1;

    @Override
    public String name() {
        return "recording";
    }

    /** Starts recording from the next frame. */
    public void start(Recorder sink) {
        stopRequested = false;
        failure = null;
        pendingRecorder = sink;
    }

    /**
     * Stops handing frames to the recorder, at the latest before the next frame.
     *
     * @return completed once no frame will reach the recorder any more, so that it can be closed
     */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        stopped = done;
        pendingRecorder = null;
        stopRequested = true;
        if (ended) {
            done.complete(null); // no thread left to take the stop up
        }
        return done;
    }

    /**
     * Takes up a requested stop; the inference thread calls this before every frame and while it
     * waits for one, so that a stop completes even when no frame comes.
     *
     * @return true when a stop was taken up (tracking must start afresh)
     */
    public boolean takeUpStop() {
        if (!stopRequested) {
            return false;
        }
        stopRequested = false;
        recorder = null;
        stopped.complete(null);
        return true;
    }

    /** No frame will come any more (the inference thread ended): a pending stop is complete. */
    public void ended() {
        ended = true;
        stopped.complete(null);
    }

    /** Why the recording stopped by itself (since the last {@link #start}), or null. */
    public String failure() {
        return failure;
    }

    @Override
    public boolean prepare(Frame frame) {
        boolean restart = takeUpStop();
        Recorder starting = pendingRecorder;
        if (starting != null) {
            pendingRecorder = null;
            recorder = starting;
            origin = -1;
            restart = true;
        }
        if (recorder != null) {
            long time = frame.sourceMicros() >= 0 ? frame.sourceMicros() * 1000 : frame.captureNanos();
            if (origin < 0) {
                origin = time;
            }
            frame.setSourceMicros((time - origin) / 1_000_000 * 1000); // whole ms, as the file keeps them
        }
        return restart;
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        if (recorder != null) {
            try {
                recorder.add(input.frame(), result);
            } catch (Exception e) {
                failure = "Recording stopped: " + e.getMessage();
                recorder = null;
            }
        }
        return result;
    }
}
