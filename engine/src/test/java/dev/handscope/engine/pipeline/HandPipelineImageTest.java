package dev.handscope.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.Goldens;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.engine.result.FrameResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole pipeline (palm detector, then landmarks) on still images, against MediaPipe's goldens. */
class HandPipelineImageTest {
    private static final Path MEDIA = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "media");
    private static HandPipeline pipeline;

    @BeforeAll
    static void load() throws Exception {
        pipeline = TestPipelines.full(TrackerOptions.defaults());
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    private static List<HandResult> detect(RgbImage image, double rotation) {
        pipeline.tracker().reset();
        FrameResult result = pipeline.process(image, 0, rotation);
        assertTrue(result.detectorRan(), "a fresh tracker detects");
        return result.hands();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "left_hands.jpg, expected_left_up_hand_landmarks.prototxt, expected_left_down_hand_landmarks.prototxt, 0, Left",
        "right_hands.jpg, expected_right_up_hand_landmarks.prototxt, expected_right_down_hand_landmarks.prototxt, 0, Right",
        "right_hands_rotated.jpg, expected_right_up_hand_rotated_landmarks.prototxt, "
                + "expected_right_down_hand_rotated_landmarks.prototxt, 1.5707963267948966, Right",
    })
    void twoHandsEachWithinMediaPipesToleranceOfItsGolden(String image, String upGolden, String downGolden,
                                                         double rotation, String label) throws Exception {
        try (RgbImage picture = RgbImage.read(Goldens.DIR.resolve(image))) {
            List<HandResult> hands = detect(picture, rotation);
            assertEquals(2, hands.size(), "hands found");
            for (String golden : List.of(upGolden, downGolden)) {
                float[] expected = Goldens.landmarks(golden);
                HandResult hand = hands.stream().min((a, b) -> Double.compare(
                        deviation(a.landmarks().toArray(), expected), deviation(b.landmarks().toArray(), expected))).orElseThrow();
                double worst = deviation(hand.landmarks().toArray(), expected);
                System.out.printf(Locale.ROOT, "%s %s: max |d| %.4f, %s %.2f%n", image, golden, worst,
                        hand.handedness().label(), hand.handedness().score());
                assertTrue(worst <= 0.03, golden + ": max deviation " + worst);
                assertEquals(label, hand.handedness().label());
            }
            assertTrue(hands.get(0).id() != hands.get(1).id(), "each hand has its own id");
        }
    }

    @Test
    void womanHandsHasTwoHandsAndTheTestImageOne() throws Exception {
        try (RgbImage woman = RgbImage.read(MEDIA.resolve("woman_hands.jpg"));
             RgbImage test = RgbImage.read(MEDIA.resolve("hand_landmarker_test_image.jpg"))) {
            assertEquals(2, detect(woman, 0).size(), "woman_hands.jpg");
            List<HandResult> one = detect(test, 0);
            assertEquals(1, one.size(), "hand_landmarker_test_image.jpg");
            // MediaPipe's sample test expects "Left" here with its newer model; the npm weights say
            // otherwise (reported in the issue note), so the label is printed, not asserted.
            System.out.println("hand_landmarker_test_image.jpg: " + one.get(0).handedness());
        }
    }

    @Test
    void backgroundWithoutHandsHasNone() throws Exception {
        try (RgbImage woman = RgbImage.read(MEDIA.resolve("woman_hands.jpg"));
             RgbImage background = new RgbImage();
             Mat top = new Mat(woman.mat(), new Rect(0, 0, 640, 200))) {
            assertNotNull(woman);
            top.copyTo(background.mat());
            assertEquals(0, detect(background, 0).size());
        }
    }

    private static double deviation(float[] landmarks, float[] expectedXy) {
        double worst = 0;
        for (int i = 0; i < HandLandmarks.COUNT; i++) {
            worst = Math.max(worst, Math.abs(landmarks[3 * i] - expectedXy[2 * i]));
            worst = Math.max(worst, Math.abs(landmarks[3 * i + 1] - expectedXy[2 * i + 1]));
        }
        return worst;
    }
}
