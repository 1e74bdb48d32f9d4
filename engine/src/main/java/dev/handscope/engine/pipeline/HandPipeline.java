package dev.handscope.engine.pipeline;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.landmarks.HandLandmarkModel;
import dev.handscope.engine.palm.PalmDetectorModel;
import dev.handscope.engine.tracking.HandTracker;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.engine.tracking.TrackingResult;
import java.nio.file.Path;

/**
 * Frame in, hands out: copies a frame into the native image the models read, then runs the
 * tracker (palm detector when needed, landmark model per hand). Owns its models; one pipeline per
 * inference thread.
 */
public final class HandPipeline implements AutoCloseable {
    private final PalmDetectorModel palmModel;
    private final HandLandmarkModel landmarkModel;
    private final HandTracker tracker;
    private final RgbImage image = new RgbImage();
    /** A second landmark model run on the same crops for A/B comparison, or null. */
    private volatile HandLandmarkModel comparison;
    private final java.util.List<HandLandmarkModel> retired = new java.util.ArrayList<>();

    private HandPipeline(PalmDetectorModel palmModel, HandLandmarkModel landmarkModel, TrackerOptions options) {
        this.palmModel = palmModel;
        this.landmarkModel = landmarkModel;
        this.tracker = new HandTracker(palmModel, landmarkModel, options);
    }

    /** Loads both models; on failure nothing stays open. */
    public static HandPipeline load(Path palmModelDir, Path landmarkModelDir, RuntimeOptions runtime,
                                    TrackerOptions options) throws ModelLoadException {
        NativeLibraries.load(true);
        PalmDetectorModel palm = PalmDetectorModel.load(palmModelDir, runtime);
        try {
            return new HandPipeline(palm, HandLandmarkModel.load(landmarkModelDir, runtime), options);
        } catch (ModelLoadException | RuntimeException e) {
            palm.close();
            throw e;
        }
    }

    /**
     * Processes one frame. Its time for smoothing is the source position for files (so results
     * repeat exactly run after run) and the capture time for cameras.
     */
    public PipelineResult process(Frame frame) {
        long start = System.nanoTime();
        image.load(frame);
        long copied = System.nanoTime() - start;
        long time = frame.sourceMicros() >= 0 ? frame.sourceMicros() * 1000 : frame.captureNanos();
        TrackingResult result = tracker.process(image, time, 0);
        HandLandmarkModel other = comparison;
        java.util.List<dev.handscope.engine.landmarks.HandLandmarks> compared = java.util.List.of();
        if (other != null) {
            compared = new java.util.ArrayList<>();
            for (var hand : result.hands()) {
                compared.add(other.detect(image, hand.rect()));
            }
        }
        return new PipelineResult(frame.sequence(), frame.width(), frame.height(), result, copied, compared);
    }

    /**
     * Runs a second landmark model on every hand's crop from the next frame on (null to stop).
     * Models replaced here stay open until the pipeline closes, since a frame may still be using them.
     */
    public synchronized void compareWith(HandLandmarkModel model) {
        if (comparison != null) {
            retired.add(comparison);
        }
        comparison = model;
    }

    /** Processes a still image (the command line's detect). */
    public TrackingResult process(RgbImage picture, long timeNanos, double rotation) {
        return tracker.process(picture, timeNanos, rotation);
    }

    public HandTracker tracker() {
        return tracker;
    }

    public HandLandmarkModel landmarkModel() {
        return landmarkModel;
    }

    public PalmDetectorModel palmModel() {
        return palmModel;
    }

    @Override
    public synchronized void close() {
        palmModel.close();
        landmarkModel.close();
        compareWith(null);
        retired.forEach(HandLandmarkModel::close);
        image.close();
    }
}
