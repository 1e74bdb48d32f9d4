package dev.handscope.engine.pipeline;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.HandModels;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.result.StageTime;
import dev.handscope.engine.stage.ComparisonStage;
import dev.handscope.engine.stage.EventStage;
import dev.handscope.engine.stage.FaceStage;
import dev.handscope.engine.stage.FrameStage;
import dev.handscope.engine.stage.GestureStage;
import dev.handscope.engine.stage.SignalStage;
import dev.handscope.engine.tracking.HandTracker;
import dev.handscope.engine.tracking.TrackerOptions;
import java.util.List;

/**
 * Frame in, result out: copies a frame into the native image the models read, tracks the hands
 * (through the model interfaces only), then runs the stages in order, timing each: its own
 * (gestures, A/B comparison, faces, events, interaction signals) and then the caller's (e.g. outputs, recording, mesh).
 * Owns its models; one pipeline per inference thread.
 */
public final class HandPipeline implements AutoCloseable {
    private final HandModels models;
    private final HandTracker tracker;
    private final RgbImage image = new RgbImage();
    private final GestureStage gestures = new GestureStage();
    private final ComparisonStage comparison = new ComparisonStage();
    private final EventStage events = new EventStage();
    private final SignalStage signals = new SignalStage(SignalStage.DEFAULT_FOV_DEGREES);
    private volatile List<FrameStage> stages = List.of(gestures, comparison, events, signals);
    private FaceStage faces;
    /** Face stages replaced while a frame may still be using them: closed with the pipeline. */
    private final java.util.List<FaceStage> retiredFaces = new java.util.ArrayList<>();

    public HandPipeline(HandModels models, TrackerOptions options) {
        this.models = models;
        this.tracker = models.landmarker() == null ? HandTracker.oneStage(models.detector(), options)
                : HandTracker.twoStage(models.detector(), models.landmarker(), options);
    }

    /**
     * Processes one frame, then {@code more} stages after the pipeline's own. Its time for smoothing
     * is the source position for files (so results repeat exactly run after run) and the capture
     * time for cameras.
     */
    public FrameResult process(Frame frame, List<FrameStage> more) {
        long start = System.nanoTime();
        image.load(frame);
        long copied = System.nanoTime() - start;
        boolean restart = false;
        List<FrameStage> own = stages;
        for (FrameStage stage : own) {
            restart |= stage.prepare(frame);
        }
        for (FrameStage stage : more) {
            restart |= stage.prepare(frame);
        }
        if (restart) {
            restart(more);
        }
        long time = frame.sourceMicros() >= 0 ? frame.sourceMicros() * 1000 : frame.captureNanos();
        for (FrameStage stage : own) {
            if (stage instanceof FaceStage faceStage) {
                faceStage.startAhead(image, time); // faces on their own thread while the hands are tracked
            }
        }
        FrameResult tracked = tracker.process(image, frame.sequence(), time, 0);
        FrameResult result = tracked.withTimings(tracked.timings().withCopy(copied));
        return runStages(runStages(result, new FrameStage.Input(frame, image), own),
                new FrameStage.Input(frame, image), more);
    }

    /** Processes one frame through the pipeline's own stages. */
    public FrameResult process(Frame frame) {
        return process(frame, List.of());
    }

    /** Processes a still image (the command line's detect). */
    public FrameResult process(RgbImage picture, long timeNanos, double rotation) {
        return runStages(tracker.process(picture, 0, timeNanos, rotation), new FrameStage.Input(null, picture), stages);
    }

    /**
     * Runs the landmarker on one given region of a still image, as hand 0, through the pipeline's
     * stages (the command line's detect --roi).
     */
    public FrameResult processRegion(RgbImage picture, RotatedRect region) {
        HandLandmarker landmarker = models.landmarker();
        if (landmarker == null) {
            throw new IllegalStateException("a one-stage model finds its own regions; it takes no region");
        }
        long start = System.nanoTime();
        HandLandmarks found = landmarker.landmark(picture, region);
        long total = System.nanoTime() - start;
        ModelTimings model = landmarker.lastTimings();
        HandResult hand = new HandResult(0, 0, found.landmarks(), found.worldLandmarks(), found.handedness(), found,
                null, null, null, null);
        FrameTimings timings = new FrameTimings(0, model.preprocess(), 0, model.inference(),
                Math.max(0, total - model.preprocess() - model.inference()));
        FrameResult result = new FrameResult(0, 0, picture.width(), picture.height(), List.of(hand), false, List.of(),
                timings, List.of(), List.of());
        return runStages(result, new FrameStage.Input(null, picture), stages);
    }

    private static FrameResult runStages(FrameResult result, FrameStage.Input input, List<FrameStage> order) {
        FrameResult current = result;
        for (FrameStage stage : order) {
            long start = System.nanoTime();
            current = stage.apply(current, input);
            current = current.withStageTime(new StageTime(stage.name(), System.nanoTime() - start));
        }
        return current;
    }

    /** Tracking starts afresh: no hand, no gesture or event history, in these stages and the pipeline's own. */
    public void restart(List<FrameStage> more) {
        tracker.reset();
        stages.forEach(FrameStage::reset);
        more.forEach(FrameStage::reset);
    }

    /**
     * Tracks faces too from the next frame on, with their head poses (null to stop); the stage closes
     * with the pipeline (a replaced one too, since a frame may still be using it).
     */
    public synchronized void trackFaces(FaceStage stage) {
        if (faces != null) {
            retiredFaces.add(faces);
        }
        faces = stage;
        stages = stage == null ? List.of(gestures, comparison, events, signals)
                : List.of(gestures, comparison, stage, events, signals);
    }

    private static void closeQuietly(FaceStage stage) {
        if (stage != null) {
            try {
                stage.close();
            } catch (Exception e) {
                // closing native models: nothing left to do about a failure
            }
        }
    }

    /** Runs a second landmarker on every hand's crop from the next frame on (null to stop). */
    public void compareWith(HandLandmarker landmarker) {
        comparison.compareWith(landmarker);
    }

    /** Runs a one-stage model on every frame from the next one on, each hand compared with its detection. */
    public void compareWithOneStage(HandDetector detector) {
        comparison.compareWithOneStage(detector);
    }

    public HandTracker tracker() {
        return tracker;
    }

    public GestureStage gestures() {
        return gestures;
    }

    /** The interaction signals' stage (pinch, grab, palm, pointing ray, velocity), e.g. to set its field of view. */
    public SignalStage signals() {
        return signals;
    }

    public HandModels models() {
        return models;
    }

    @Override
    public synchronized void close() {
        trackFaces(null);
        retiredFaces.forEach(HandPipeline::closeQuietly);
        retiredFaces.clear();
        tracker.close();
        models.close();
        comparison.close();
        image.close();
    }
}
