package dev.handscope.engine.gesture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.pipeline.TestPipelines;
import dev.handscope.engine.tracking.TrackerOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A gesture taught from two photos is recognised on a third of the same pose, and not on others. */
class UserGesturesTest {
    private static final Path MEDIA = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "media");
    private static HandPipeline pipeline;

    @BeforeAll
    static void load() throws Exception {
        pipeline = TestPipelines.full(TrackerOptions.defaults().withNumHands(1));
    }

    private static float[] world(String file) {
        try (RgbImage image = RgbImage.read(MEDIA.resolve(file))) {
            pipeline.tracker().reset();
            return pipeline.process(image, 0, 0).hands().get(0).worldLandmarks().toArray();
        }
    }

    @Test
    void recordSaveAndRecognise() {
        UserGestures gestures = new UserGestures();
        gestures.add("shaka", List.of(world("hagrid_call_0413d5c5.jpg"), world("hagrid_call_044768ad.jpg")));
        Gesture same = gestures.match(world("hagrid_call_0e022ee9.jpg"));
        System.out.println("taught shaka on another call photo: " + same);
        // Measured: the third call photo 0.46; rock 0.73, thumbs up 0.73, none 0.76, four 1.22.
        assertEquals("shaka", same == null ? null : same.name());
        for (String other : List.of("hagrid_rock_026fd791.jpg", "hagrid_four_06aa70cc.jpg", "gesture_thumb_up.jpg",
                "hagrid_none_00af1db1.jpg")) {
            assertNull(gestures.match(world(other)), other + " is not a shaka");
        }
        assertThrows(IllegalArgumentException.class, () -> gestures.add("Bad Name!", List.of()));
    }

    @Test
    void normalisedPosesIgnorePlaceSizeTurnAndSide() {
        float[] pose = world("hagrid_rock_055f8be9.jpg");
        float[] moved = new float[63];
        double c = Math.cos(1.1);
        double s = Math.sin(1.1);
        for (int i = 0; i < 63; i += 3) {
            // turn about z, grow 1.7x, move, and mirror x (a left hand of the same pose)
            double x = 1.7 * (c * pose[i] - s * pose[i + 1]);
            double y = 1.7 * (s * pose[i] + c * pose[i + 1]);
            moved[i] = (float) (-x + 0.3);
            moved[i + 1] = (float) (y - 0.2);
            moved[i + 2] = (float) (1.7 * pose[i + 2] + 0.1);
        }
        assertTrue(UserGestures.distance(UserGestures.normalise(pose), UserGestures.normalise(moved)) < 1e-4);
    }
}
