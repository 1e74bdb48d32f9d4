package dev.handscope.engine.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The display's BGRA copy of a frame holds the same pixels as its RGB bytes. */
class RgbToBgraTest {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "media", "hand_landmarker_test_video.mp4");

    @Test
    void bgraMatchesRgbOnARealFrameAndIsInvalidatedByTheNextRead() throws Exception {
        FramePool pool = new FramePool(2);
        Frame frame = pool.acquire(1, TimeUnit.SECONDS);
        try (VideoFileSource source = VideoFileSource.open(VIDEO)) {
            assertTrue(source.read(frame));
            frame.fillBgra();
            assertTrue(frame.hasBgra());
            int pixels = frame.width() * frame.height();
            byte[] rgb = frame.rgb();
            byte[] bgra = frame.bgra();
            for (int i = 0; i < pixels; i += 997) {
                assertArrayEquals(new byte[] {rgb[3 * i + 2], rgb[3 * i + 1], rgb[3 * i], (byte) 0xff},
                        new byte[] {bgra[4 * i], bgra[4 * i + 1], bgra[4 * i + 2], bgra[4 * i + 3]}, "pixel " + i);
            }
            assertTrue(source.read(frame));
            assertFalse(frame.hasBgra(), "a new picture needs a new conversion");
        } finally {
            frame.release();
        }
    }
}
