package dev.handscope.engine.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelBackend;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MediaPipe's landmark-only goldens: the landmark model on four fixed crop rectangles of
 * left_hands.jpg and right_hands.jpg must land within MediaPipe's own tolerance (0.03 of the image
 * in x and y; z is not checked, as in MediaPipe's test), with the right handedness label.
 */
class HandLandmarkGoldenTest {
    private static final double TOLERANCE = 0.03;

    /** Each golden case on each runtime: ONNX Runtime (the CPU default) and TensorFlow (the GPU's). */
    static Stream<Arguments> cases() {
        List<Object[]> goldens = List.of(
                new Object[] {"left_hands.jpg", "expected_left_up_hand_landmarks.prototxt", 0.25, 0.0, "Left"},
                new Object[] {"left_hands.jpg", "expected_left_down_hand_landmarks.prototxt", 0.75, Math.PI, "Left"},
                new Object[] {"right_hands.jpg", "expected_right_up_hand_landmarks.prototxt", 0.75, 0.0, "Right"},
                new Object[] {"right_hands.jpg", "expected_right_down_hand_landmarks.prototxt", 0.25, Math.PI, "Right"});
        return Stream.of(ModelBackend.ONNX, ModelBackend.TENSORFLOW).flatMap(backend ->
                Stream.of(ModelVariant.FULL, ModelVariant.LITE).flatMap(variant -> goldens.stream().map(golden ->
                        Arguments.of(backend, variant, golden[0], golden[1], golden[2], golden[3], golden[4]))));
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("cases")
    void landmarksMatchMediaPipeGoldens(ModelBackend backend, ModelVariant variant, String image, String golden,
                                        double centreX, double rotation, String label) throws Exception {
        float[] expected = Goldens.landmarks(golden);
        assertEquals(42, expected.length, "21 golden landmarks");
        RuntimeOptions cpu = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU).withBackend(backend);
        try (HandLandmarkModel model = HandLandmarkModel.load(ModelCatalogue.bundled().handLandmarks(variant), cpu);
             RgbImage picture = RgbImage.read(Goldens.DIR.resolve(image))) {
            assertNotNull(picture);
            HandLandmarks hand = model.landmark(picture, new RotatedRect(centreX, 0.5, 0.5, 1.0, rotation));
            double worst = 0;
            for (int i = 0; i < HandLandmarks.COUNT; i++) {
                worst = Math.max(worst, Math.abs(hand.x(i) - expected[2 * i]));
                worst = Math.max(worst, Math.abs(hand.y(i) - expected[2 * i + 1]));
            }
            System.out.printf(Locale.ROOT, "%s %s %s: max |d| %.4f, presence %.3f, %s %.3f%n", backend, variant, golden, worst,
                    hand.presence(), hand.handedness().label(), hand.handedness().score());
            assertTrue(worst <= TOLERANCE, "max landmark deviation " + worst);
            assertTrue(hand.presence() > 0.9, "presence " + hand.presence());
            assertEquals(label, hand.handedness().label());
        }
    }
}
