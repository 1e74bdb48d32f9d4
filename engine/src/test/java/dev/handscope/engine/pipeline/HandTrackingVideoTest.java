package dev.handscope.engine.pipeline;

import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.mediapipe.MediaPipeHands;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.FramePool;
import dev.handscope.engine.capture.VideoFileSource;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tracker over the whole test video: one hand, one id, and the palm detector mostly idle. */
class HandTrackingVideoTest {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "media", "hand_landmarker_test_video.mp4");

    @Test
    void theHandKeepsOneIdAndTheDetectorRunsRarely() throws Exception {
        ModelCatalogue models = ModelCatalogue.bundled();
        FramePool pool = new FramePool(2);
        int frames = 0;
        int detectorRuns = 0;
        int framesWithHand = 0;
        boolean previousRanWhileTracked = false;
        Set<Integer> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        String lastLabel = null;
        int labelChanges = -1; // the first label is not a change
        try (HandPipeline pipeline = MediaPipeHands.pipeline(models.palmDetector(ModelVariant.FULL),
                models.handLandmarks(ModelVariant.LITE), RuntimeOptions.defaults().withDevice(InferenceDevice.CPU),
                TrackerOptions.defaults());
             VideoFileSource video = VideoFileSource.open(VIDEO)) {
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            while (video.read(frame)) {
                int trackedBefore = pipeline.tracker().trackedCount();
                FrameResult result = pipeline.process(frame);
                frames++;
                boolean ran = result.detectorRan();
                if (ran) {
                    detectorRuns++;
                }
                boolean ranWhileTracked = ran && trackedBefore > 0;
                assertFalse(ranWhileTracked && previousRanWhileTracked,
                        "frame " + frames + ": the detector ran twice in a row while the hand was tracked");
                previousRanWhileTracked = ranWhileTracked;
                for (HandResult hand : result.hands()) {
                    ids.add(hand.id());
                    if (!hand.handedness().label().equals(lastLabel)) {
                        labelChanges++;
                        lastLabel = hand.handedness().label();
                    }
                    labels.add(hand.handedness().label());
                }
                if (!result.hands().isEmpty()) {
                    framesWithHand++;
                }
            }
            frame.release();
        }
        System.out.printf("video: %d frames, hand in %d, detector on %d, ids %s, labels %s (%d changes)%n", frames,
                framesWithHand, detectorRuns, ids, labels, labelChanges);
        assertTrue(framesWithHand >= frames * 0.9, "the hand is tracked through the clip");
        assertEquals(1, ids.size(), "one id through the clip: " + ids);
        assertTrue(detectorRuns <= frames * 0.15, "detector on " + detectorRuns + " of " + frames + " frames");
        // Smoothing keeps the label from flickering: at most one change as the average settles.
        // (The npm models call this hand Right at ~0.96 on every frame; MediaPipe's sample test,
        // with its newer model, expects Left. See the issue note.)
        assertTrue(labelChanges <= 1, "handedness label changed " + labelChanges + " times");
    }
}
