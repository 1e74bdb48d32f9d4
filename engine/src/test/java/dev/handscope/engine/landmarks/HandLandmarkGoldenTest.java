package dev.handscope.engine.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MediaPipe's landmark-only goldens: the landmark model on four fixed crop rectangles of
 * left_hands.jpg and right_hands.jpg must land within MediaPipe's own tolerance (0.03 of the image
 * in x and y; z is not checked, as in MediaPipe's test), with the right handedness label.
 */
class HandLandmarkGoldenTest {
    private static final double TOLERANCE = 0.03;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "FULL, left_hands.jpg, expected_left_up_hand_landmarks.prototxt, 0.25, 0, Left",
        "FULL, left_hands.jpg, expected_left_down_hand_landmarks.prototxt, 0.75, 3.141592653589793, Left",
        "FULL, right_hands.jpg, expected_right_up_hand_landmarks.prototxt, 0.75, 0, Right",
        "FULL, right_hands.jpg, expected_right_down_hand_landmarks.prototxt, 0.25, 3.141592653589793, Right",
        "LITE, left_hands.jpg, expected_left_up_hand_landmarks.prototxt, 0.25, 0, Left",
        "LITE, left_hands.jpg, expected_left_down_hand_landmarks.prototxt, 0.75, 3.141592653589793, Left",
        "LITE, right_hands.jpg, expected_right_up_hand_landmarks.prototxt, 0.75, 0, Right",
        "LITE, right_hands.jpg, expected_right_down_hand_landmarks.prototxt, 0.25, 3.141592653589793, Right",
    })
    void landmarksMatchMediaPipeGoldens(ModelVariant variant, String image, String golden, double centreX,
                                        double rotation, String label) throws Exception {
        float[] expected = Goldens.landmarks(golden);
        assertEquals(42, expected.length, "21 golden landmarks");
        RuntimeOptions cpu = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU);
        try (HandLandmarkModel model = HandLandmarkModel.load(ModelCatalogue.bundled().handLandmarks(variant), cpu);
             RgbImage picture = RgbImage.read(Goldens.DIR.resolve(image))) {
            assertNotNull(picture);
            HandLandmarks hand = model.landmark(picture, new RotatedRect(centreX, 0.5, 0.5, 1.0, rotation));
            double worst = 0;
            for (int i = 0; i < HandLandmarks.COUNT; i++) {
                worst = Math.max(worst, Math.abs(hand.x(i) - expected[2 * i]));
                worst = Math.max(worst, Math.abs(hand.y(i) - expected[2 * i + 1]));
            }
            System.out.printf(Locale.ROOT, "%s %s: max |d| %.4f, presence %.3f, %s %.3f%n", variant, golden, worst,
                    hand.presence(), hand.handedness().label(), hand.handedness().score());
            assertTrue(worst <= TOLERANCE, "max landmark deviation " + worst);
            assertTrue(hand.presence() > 0.9, "presence " + hand.presence());
            assertEquals(label, hand.handedness().label());
        }
    }
}
