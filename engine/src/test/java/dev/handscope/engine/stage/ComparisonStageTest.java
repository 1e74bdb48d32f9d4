package dev.handscope.engine.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.tracking.FakeHands;
import dev.handscope.engine.tracking.HandTracker;
import dev.handscope.engine.tracking.SmoothingOptions;
import dev.handscope.engine.tracking.TrackerOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A/B across families: a second landmarker per crop, or a one-stage model matched to each hand by overlap. */
class ComparisonStageTest {
    private static final TrackerOptions OPTIONS = TrackerOptions.defaults()
            .withSmoothing(SmoothingOptions.defaults().withEnabled(false));

    @Test
    void aOneStageModelIsComparedHandByHandAndALandmarkerCropByCrop() {
        FakeHands scene = new FakeHands();
        scene.put("a", 0.3, 0.5);
        scene.put("b", 0.7, 0.5);
        FakeHands shifted = new FakeHands(); // the second model sees each hand 0.01 to the right, in the other order
        shifted.put("b", 0.71, 0.5);
        shifted.put("a", 0.31, 0.5);
        try (RgbImage image = RgbImage.read(Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
                "media", "woman_hands.jpg"));
             ComparisonStage stage = new ComparisonStage()) {
            FrameResult tracked = HandTracker.twoStage(scene.palmDetector(), scene.landmarker(), OPTIONS)
                    .process(image, 1, 0, 0);
            FrameStage.Input input = new FrameStage.Input(null, image);
            assertNull(stage.apply(tracked, input).hands().get(0).comparison(), "nothing to compare with yet");

            stage.compareWithOneStage(shifted.oneStageDetector());
            FrameResult compared = stage.apply(tracked, input);
            assertEquals(0.31, compared.hands().get(0).comparison().x(0), 1e-6, "hand 0 (a) gets a's detection");
            assertEquals(0.71, compared.hands().get(1).comparison().x(0), 1e-6, "hand 1 (b) gets b's detection");
            assertEquals(1, shifted.detectorCalls, "one detection run per frame, not per hand");

            stage.compareWith(shifted.landmarker());
            FrameResult cropped = stage.apply(tracked, input);
            assertEquals(0.31, cropped.hands().get(0).comparison().x(0), 1e-6);
            assertEquals(2, shifted.landmarkerCalls, "one landmarker run per hand");
        }
    }
}
