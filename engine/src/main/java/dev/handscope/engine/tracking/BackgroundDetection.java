package dev.handscope.engine.tracking;

import dev.handscope.engine.concurrent.SideWorker;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.model.ModelTimings;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Runs the detector on a thread of its own, on its own copy of the frame, so the hands already
 * tracked need not wait for it: on a laptop's two cores the palm detector then costs a tracked
 * frame only the copy. Every detector call goes through this thread (the detector is not shared).
 */
final class BackgroundDetection implements AutoCloseable {

    /** A detection finished on the worker: its regions, the model's timings, and the frame it ran on. */
    record Found(List<HandRegion> regions, ModelTimings timings, long sequence) {
    }

    private final HandDetector detector;
    private final RgbImage copy = new RgbImage();
    private final SideWorker worker = new SideWorker("handscope-detector");
    private Future<Found> pending;

    BackgroundDetection(HandDetector detector) {
        this.detector = detector;
    }

    /** Whether a detection is under way or finished but not yet collected. */
    boolean busy() {
        return pending != null;
    }

    /** Whether a detection is running now (on the other core). */
    boolean running() {
        return pending != null && !pending.isDone();
    }

    /** Starts a detection on a copy of {@code image} (the caller reuses its image for the next frame). */
    void submit(RgbImage image, double rotation, float minScore, long sequence) {
        if (pending != null) {
            throw new IllegalStateException("one detection at a time");
        }
        image.mat().copyTo(copy.mat());
        pending = worker.submit(() -> {
            List<HandRegion> regions = detector.detect(copy, rotation, minScore);
            return new Found(regions, detector.lastTimings(), sequence);
        });
    }

    /** The finished detection, once, or null while it runs (or when none was started). */
    Found poll() {
        return pending != null && pending.isDone() ? collect() : null;
    }

    /** Waits for the detection under way; null when none was started. */
    Found await() {
        return pending == null ? null : collect();
    }

    private Found collect() {
        Future<Found> done = pending;
        pending = null;
        return SideWorker.await(done, "the hand detector");
    }

    /** Stops the worker after its current detection; the detector itself belongs to the caller. */
    @Override
    public void close() {
        if (worker.stop()) {
            copy.close(); // else the stuck worker may still read it; the process is ending anyway
        }
    }
}
