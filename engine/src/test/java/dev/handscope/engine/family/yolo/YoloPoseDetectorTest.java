package dev.handscope.engine.family.yolo;

import dev.handscope.engine.testmodels.ConstantModels;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.tracking.HandTracker;
import dev.handscope.engine.tracking.TrackerOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class YoloPoseDetectorTest {
    private static final RuntimeOptions CPU = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU).withThreads(1, 1);
    private static final List<String> LEFT_RIGHT = List.of("left", "right");

    /** Two hands, a duplicate, a weak one, an unsure one and a broken one, in input pixels. */
    private static YoloOutputs candidates() {
        return new YoloOutputs(2, 21)
                .add(60, 70, 40, 50, 0.5f, 0.3f)       // unsure (0.5 passes, but below 0.6 asked below)
                .add(80, 60, 20, 30, 0.05f, 0.9f)      // right hand
                .add(81, 61, 20, 30, 0.1f, 0.7f)       // its duplicate
                .add(100, 80, 16, 24, 0.8f, 0.2f)      // left hand
                .add(40, 20, 10, 10, 0.1f, 0.1f)       // weak
                .add(90, 90, 10, 10, 0.9f, 0.1f).set(2, Float.NaN);
    }

    /** A model whose output is the given candidates, plus 0 x the input's sum so it runs on the input. */
    static Path export(Path dir, float[] values, long[] shape) throws Exception {
        return ConstantModels.export(dir, "images", YoloOutputs.HEIGHT, YoloOutputs.WIDTH,
                Map.of("output0", new ConstantModels.Output(shape, values)));
    }

    private static Path export(Path dir, YoloPoseDecoder.Layout layout, boolean normalized) throws Exception {
        YoloOutputs out = candidates();
        if (normalized) {
            out.normalize();
        }
        return export(dir, out.array(layout), out.shape(layout));
    }

    @ParameterizedTest
    @EnumSource(YoloPoseDecoder.Layout.class)
    void findsTheEncodedHandsWhereTheLetterboxPutsThemAndTracksThem(YoloPoseDecoder.Layout layout, @TempDir Path dir)
            throws Exception {
        // Pixels for Ultralytics' layout, normalised coordinates for the transposed one: both modes end to end.
        boolean normalized = layout == YoloPoseDecoder.Layout.CANDIDATES_FIRST;
        Path model = export(dir.resolve("yolo"), layout, normalized);
        YoloPoseOptions options = YoloOutputs.options(LEFT_RIGHT, 21, normalized, KeypointMap.identity());
        try (RgbImage image = RgbImage.read(YoloPoseTranslatorTest.womanHands());
             YoloPoseDetector detector = YoloPoseDetector.load(model, options, CPU)) {
            assertNotNull(image);
            assertEquals(6, detector.candidates());
            int w = image.width();
            int h = image.height();
            List<HandRegion> regions = detector.detect(image, 0, 0.6f);
            assertEquals(2, regions.size());
            assertEquals(1, detector.droppedNonFinite());
            YoloPoseTranslatorTest.assertRegion(regions.get(0), 80, 60, 20, 30, w, h);
            assertEquals(new Handedness(Handedness.RIGHT, 0.9 / (0.05f + 0.9f)).label(),
                    regions.get(0).handedness().label());
            assertEquals(0.9 / (0.05f + 0.9f), regions.get(0).handedness().score(), 1e-6);
            assertEquals(0.9f, regions.get(0).score(), 1e-6);
            YoloPoseTranslatorTest.assertRegion(regions.get(1), 100, 80, 16, 24, w, h);
            assertEquals(Handedness.LEFT, regions.get(1).handedness().label());
            assertEquals(0.8f, regions.get(1).score(), 1e-6);
            assertTrue(detector.lastTimings().inference() > 0);

            // The options' confidence (0.25) still applies when the caller asks for less; the unsure hand comes in.
            List<HandRegion> all = detector.detect(image, 0, 0f);
            assertEquals(3, all.size());
            assertEquals(0.5f, all.get(2).score(), 1e-6);
            assertEquals(2, detector.nonFiniteOutputs());

            HandTracker tracker = HandTracker.oneStage(detector, TrackerOptions.defaults().withConfidences(0.6, 0.5, 0.5));
            for (int frame = 0; frame < 4; frame++) {
                FrameResult result = tracker.process(image, frame, frame * 33_000_000L, 0);
                List<HandResult> hands = result.hands();
                assertEquals(2, hands.size(), "frame " + frame);
                assertEquals(0, hands.get(0).id());
                assertEquals(1, hands.get(1).id());
                assertEquals(frame, hands.get(0).age());
                assertEquals(Handedness.RIGHT, hands.get(0).handedness().label());
                assertEquals(Handedness.LEFT, hands.get(1).handedness().label());
                for (int l = 0; l < 21; l++) {
                    assertEquals(regions.get(0).landmarks().x(l), hands.get(0).landmarks().x(l), 1e-4);
                    assertEquals(regions.get(1).landmarks().y(l), hands.get(1).landmarks().y(l), 1e-4);
                }
            }
        }
    }

    @Test
    void modelsThatDoNotFitTheOptionsAreRefusedByName(@TempDir Path dir) throws Exception {
        Path model = export(dir.resolve("yolo"), YoloPoseDecoder.Layout.VALUES_FIRST, false);
        YoloPoseOptions threeClasses = YoloOutputs.options(List.of("left", "right", "hand"), 21, false,
                KeypointMap.identity());
        ModelLoadException shape = assertThrows(ModelLoadException.class,
                () -> YoloPoseDetector.load(model, threeClasses, CPU));
        assertTrue(shape.getMessage().startsWith(model.toString()), shape.getMessage());
        assertTrue(shape.getMessage().contains("output 'output0' has shape [1, 69, 6], expected [1, 70, N] or [1, N, 70]"),
                shape.getMessage());

        YoloPoseOptions good = YoloOutputs.options(LEFT_RIGHT, 21, false, KeypointMap.identity());
        YoloPoseOptions otherName = new YoloPoseOptions(good.input(), "output1", good.classes(), 21, false, 0.25f, 0.7f,
                good.map());
        ModelLoadException name = assertThrows(ModelLoadException.class,
                () -> YoloPoseDetector.load(model, otherName, CPU));
        assertTrue(name.getMessage().contains("no output 'output1'") && name.getMessage().contains("output0"),
                name.getMessage());

        YoloPoseOptions square = new YoloPoseOptions(new InputSpec(128, 128, new float[3], new float[] {255, 255, 255},
                false, 114), "output0", good.classes(), 21, false, 0.25f, 0.7f, good.map());
        ModelLoadException input = assertThrows(ModelLoadException.class, () -> YoloPoseDetector.load(model, square, CPU));
        assertTrue(input.getMessage().contains("[1, 128, 160, 3], expected [1, 128, 128, 3]"), input.getMessage());
    }
}
