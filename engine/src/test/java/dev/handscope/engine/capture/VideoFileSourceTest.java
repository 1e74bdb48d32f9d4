package dev.handscope.engine.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFileSourceTest {

    @Test
    void readsEveryFrameOfTheSharedVideoInRgb() throws Exception {
        FramePool pool = new FramePool(2);
        try (VideoFileSource source = VideoFileSource.open(SharedTestData.video())) {
            SourceInfo info = source.info();
            assertEquals(640, info.width());
            assertEquals(360, info.height());
            assertTrue(info.frameRate() > 10 && info.frameRate() < 61, "frame rate " + info.frameRate());
            assertTrue(info.frameCount() > 0);
            assertEquals(Math.round(1e9 / info.frameRate()), source.frameIntervalNanos());

            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            long frames = 0;
            long lastMicros = -1;
            byte[] first = null;
            while (source.read(frame)) {
                assertEquals(640, frame.width());
                assertEquals(360, frame.height());
                assertTrue(frame.sourceMicros() > lastMicros, "timestamps increase");
                lastMicros = frame.sourceMicros();
                if (frames == 0) {
                    first = Arrays.copyOf(frame.rgb(), 640 * 360 * 3);
                }
                frames++;
            }
            frame.release();
            assertTrue(Math.abs(frames - info.frameCount()) <= 2, frames + " frames vs header " + info.frameCount());
            assertFrameMatchesBgrDecode(first);
        }
    }

    /** Our RGB must be FFmpeg's own BGR24 decode of the same frame with channels swapped. */
    private static void assertFrameMatchesBgrDecode(byte[] rgb) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedTestData.video().toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            org.bytedeco.javacv.Frame bgr = grabber.grabImage();
            ByteBuffer pixels = (ByteBuffer) bgr.image[0];
            for (int y = 0; y < 360; y += 7) {
                for (int x = 0; x < 640; x += 5) {
                    int ours = (y * 640 + x) * 3;
                    int theirs = y * bgr.imageStride + x * 3;
                    assertEquals(pixels.get(theirs + 2), rgb[ours], "red at " + x + "," + y);
                    assertEquals(pixels.get(theirs + 1), rgb[ours + 1], "green at " + x + "," + y);
                    assertEquals(pixels.get(theirs), rgb[ours + 2], "blue at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void truncatedVideoGivesAClearErrorNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(SharedTestData.video());
        Path truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, Arrays.copyOf(whole, whole.length * 2 / 5));
        CaptureException error = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                CaptureException.class, () -> readToEnd(truncated)));
        assertTrue(error.getMessage().contains(truncated.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("truncated or corrupt"), error.getMessage());
    }

    @Test
    void fileWithoutVideoHeaderIsRefusedAtOpen(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("garbage.mp4");
        Files.write(garbage, "this is not a video".repeat(100).getBytes());
        CaptureException error = assertThrows(CaptureException.class, () -> VideoFileSource.open(garbage));
        assertTrue(error.getMessage().startsWith(garbage.toString()), error.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = Path.of("no-such-dir", "clip.mp4");
        CaptureException error = assertThrows(CaptureException.class, () -> VideoFileSource.open(missing));
        assertTrue(error.getMessage().contains(missing.toString()) && error.getMessage().contains("no such"),
                error.getMessage());
    }

    @Test
    void rewindStartsAgainFromTheFirstFrame() throws Exception {
        FramePool pool = new FramePool(2);
        try (VideoFileSource source = VideoFileSource.open(SharedTestData.video())) {
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            assertTrue(source.read(frame));
            byte[] first = Arrays.copyOf(frame.rgb(), 640 * 360 * 3);
            for (int i = 0; i < 10; i++) {
                assertTrue(source.read(frame));
            }
            source.rewind();
            assertTrue(source.read(frame));
            assertEquals(0, frame.sourceMicros());
            assertArrayEquals(first, Arrays.copyOf(frame.rgb(), first.length));
            frame.release();
        }
    }

    private static void readToEnd(Path file) throws CaptureException, InterruptedException {
        FramePool pool = new FramePool(2);
        try (VideoFileSource source = VideoFileSource.open(file)) {
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            try {
                while (source.read(frame)) {
                    // keep decoding until the end or the error
                }
            } finally {
                frame.release();
            }
        }
    }
}
