package dev.handscope.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

class StillSourcesTest {

    @Test
    void imageIsDeliveredAgainAndAgainInRgb() throws Exception {
        Path image = SharedTestData.media("woman_hands.jpg");
        FramePool pool = new FramePool(2);
        try (ImageSource source = ImageSource.open(image); Mat bgr = imread(image.toString())) {
            assertEquals(new SourceInfo(SourceKind.IMAGE, image.toString(), 640, 960, 0, -1), source.info());
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                assertTrue(source.read(frame));
            }
            byte[] expected = new byte[640 * 960 * 3];
            bgr.data().get(expected, 0, expected.length);
            for (int pixel = 0; pixel < 640 * 960; pixel += 997) {
                assertEquals(expected[pixel * 3 + 2], frame.rgb()[pixel * 3], "red of pixel " + pixel);
                assertEquals(expected[pixel * 3 + 1], frame.rgb()[pixel * 3 + 1], "green of pixel " + pixel);
                assertEquals(expected[pixel * 3], frame.rgb()[pixel * 3 + 2], "blue of pixel " + pixel);
            }
            frame.release();
        }
    }

    @Test
    void corruptImageIsReportedByName(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("photo.jpg");
        Files.write(corrupt, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CaptureException error = assertThrows(CaptureException.class, () -> ImageSource.open(corrupt));
        assertTrue(error.getMessage().startsWith(corrupt.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("not a readable image"), error.getMessage());
    }

    @Test
    void folderPlaysItsImagesInNameOrderAndSkipsOtherFiles(@TempDir Path dir) throws Exception {
        Files.copy(SharedTestData.media("woman_hands.jpg"), dir.resolve("b.jpg"));
        Files.copy(SharedTestData.media("hand_landmarker_test_image.jpg"), dir.resolve("a.jpg"));
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        FramePool pool = new FramePool(2);
        try (ImageFolderSource source = ImageFolderSource.open(dir)) {
            assertEquals(2, source.info().frameCount());
            assertEquals(640, source.info().width());
            assertEquals(427, source.info().height());
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            assertTrue(source.read(frame));
            assertEquals(427, frame.height());
            assertTrue(source.read(frame));
            assertEquals(960, frame.height());
            assertFalse(source.read(frame));
            source.rewind();
            assertTrue(source.read(frame));
            assertEquals(427, frame.height());
            frame.release();
        }
    }

    @Test
    void emptyFolderIsReported(@TempDir Path dir) {
        CaptureException empty = assertThrows(CaptureException.class, () -> ImageFolderSource.open(dir));
        assertTrue(empty.getMessage().contains("holds no images"), empty.getMessage());
    }

    @Test
    void unreadableImagesAreSkippedCountedOnceAndTheRestPlay(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("a.png"); // first in name order: the folder's size comes from b.jpg
        Files.write(broken, new byte[] {9, 9, 9});
        Files.copy(SharedTestData.media("woman_hands.jpg"), dir.resolve("b.jpg"));
        Files.write(dir.resolve("c.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
        Files.copy(SharedTestData.media("hand_landmarker_test_image.jpg"), dir.resolve("d.jpg"));
        FramePool pool = new FramePool(2);
        try (ImageFolderSource source = ImageFolderSource.open(dir)) {
            assertEquals(960, source.info().height(), "size of the first readable image");
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            for (int pass = 0; pass < 2; pass++) { // looping counts each bad file once
                assertTrue(source.read(frame));
                assertEquals(960, frame.height());
                assertTrue(source.read(frame));
                assertEquals(427, frame.height());
                assertFalse(source.read(frame));
                source.rewind();
            }
            SkippedFiles skipped = source.skippedFiles();
            assertEquals(2, skipped.count());
            assertTrue(skipped.first().startsWith(broken + ": not a readable image"), skipped.first());
            assertTrue(skipped.message(dir.toString()).startsWith("Skipped 2 of the 4 images in " + dir
                    + " that could not be read; the others play."), skipped.message(dir.toString()));
            frame.release();
        }
    }

    @Test
    void aFolderOfOnlyUnreadableImagesFailsNamingTheFirst(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.png"), new byte[] {9, 9, 9});
        Files.write(dir.resolve("b.jpg"), new byte[] {1});
        CaptureException error = assertThrows(CaptureException.class, () -> ImageFolderSource.open(dir));
        assertTrue(error.getMessage().startsWith(dir + ": none of its 2 images can be read. The first: "
                + dir.resolve("a.png") + ": not a readable image"), error.getMessage());
    }

    @Test
    void missingCameraFailsFastWithAClearMessage() {
        long start = System.nanoTime();
        CaptureException error = assertThrows(CaptureException.class,
                () -> CameraSource.open(SourceSpec.parse("/dev/video97")));
        assertTrue(error.getMessage().contains("/dev/video97"), error.getMessage());
        assertTrue(error.getMessage().contains("open a video file"), error.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "no multi-second hang");
    }
}
