package dev.handscope.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSpecTest {

    @Test
    void classifiesWhatTheUserTyped(@TempDir Path folder) {
        assertEquals(SourceKind.CAMERA, SourceSpec.parse("0").kind());
        assertEquals(2, SourceSpec.parse("2").cameraIndex());
        assertEquals(SourceKind.CAMERA, SourceSpec.parse("/dev/video3").kind());
        assertEquals(SourceKind.IMAGE_FOLDER, SourceSpec.parse(folder.toString()).kind());
        assertEquals(SourceKind.IMAGE, SourceSpec.parse("hands.JPG").kind());
        assertEquals(SourceKind.IMAGE, SourceSpec.parse("a/b.png").kind());
        assertEquals(SourceKind.VIDEO_FILE, SourceSpec.parse("clip.mp4").kind());
        assertEquals(SourceKind.VIDEO_FILE, SourceSpec.parse("12345").kind(), "long numbers are file names");
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parse("  "));
        assertEquals(1280, SourceSpec.parse("0").withSize(1280, 720).width());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1280, 720}, SourceSpec.parseSize("1280x720"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 0}, SourceSpec.parseSize("default"));
        assertThrows(IllegalArgumentException.class, () -> SourceSpec.parseSize("1280by720"));
    }
}
