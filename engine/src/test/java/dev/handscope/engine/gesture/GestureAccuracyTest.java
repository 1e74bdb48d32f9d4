package dev.handscope.engine.gesture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.pipeline.TestPipelines;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.tracking.TrackerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in gestures on the shared photos whose file names say the gesture (HaGRID crops:
 * call, four, rock, none; two thumbs-up photos). Measured: 11 of 12 right; the miss is
 * hagrid_four_07a5a144.jpg, where the palm detector finds no hand. The test holds that line.
 * woman_hands.jpg's raised right hand (four fingers straight and together over the head, the thumb
 * folded under them) is "four": its thumb tip lies beside the straight index, which once read as "ok".
 */
class GestureAccuracyTest {
    private static final Path MEDIA = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "media");

    @Test
    void builtInGesturesOnLabelledPhotos() throws Exception {
        List<Path> photos;
        try (Stream<Path> files = Files.list(MEDIA)) {
            photos = files.filter(f -> f.getFileName().toString().matches("(hagrid_.*|thumbs-up.png|gesture_thumb_up.jpg)"))
                    .sorted().toList();
        }
        int right = 0;
        List<String> misses = new ArrayList<>();
        try (HandPipeline pipeline = TestPipelines.full(TrackerOptions.defaults().withNumHands(1))) {
            for (Path photo : photos) {
                String name = photo.getFileName().toString();
                String expected = name.startsWith("hagrid_") ? name.split("_")[1] : "thumbs_up";
                try (RgbImage image = RgbImage.read(photo)) {
                    pipeline.tracker().reset();
                    List<HandResult> hands = pipeline.process(image, 0, 0).hands();
                    String got = hands.isEmpty() ? "(no hand)" : hands.get(0).gesture().name();
                    if (got.equals(expected)) {
                        right++;
                    } else {
                        misses.add(name + ": " + got + " instead of " + expected);
                    }
                }
            }
        }
        System.out.println("gestures: " + right + " of " + photos.size() + " right; misses " + misses);
        assertEquals(12, photos.size());
        assertTrue(right >= 11, right + " of " + photos.size() + " right; misses " + misses);
    }

    @Test
    void flatHandWithTheThumbTuckedIsNoOk() throws Exception {
        try (HandPipeline pipeline = TestPipelines.full(TrackerOptions.defaults().withNumHands(2));
             RgbImage image = RgbImage.read(MEDIA.resolve("woman_hands.jpg"))) {
            HandResult raised = pipeline.process(image, 0, 0).hands().stream()
                    .filter(hand -> hand.landmarks().y(0) < 0.5).findFirst().orElseThrow(); // the wrist in the upper half
            assertEquals("Right", raised.handedness().label());
            assertEquals("four", raised.gesture().name(), FingerStates.of(raised.worldLandmarks().toArray()).toString());
        }
    }
}
