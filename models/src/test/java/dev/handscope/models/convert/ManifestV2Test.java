package dev.handscope.models.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** handscope-model/2: the family kinds, normalisation, channels, keypoints and the family's own fields. */
class ManifestV2Test {
    private static final String YOLO = """
            {"format": "handscope-model/2", "name": "hands-yolo", "kind": "yolo-pose", "signature": "serving_default",
             "input": {"name": "images", "shape": [1, 320, 320, 3], "dtype": "float32"},
             "outputs": [{"name": "output0", "shape": [1, 68, 2100], "dtype": "float32"}],
             "normalization": {"mean": [0, 0, 0], "std": [255, 255, 255]}, "channels": "BGR",
             "keypoints": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
             "coordinates": "pixels", "classes": ["left", "right"], "confidence": 0.3, "iou": 0.6}
            """;

    @Test
    void readsTheFamilyKindAndItsFields(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ModelManifest.FILE_NAME), YOLO);
        ModelManifest manifest = ModelManifest.read(dir);
        assertEquals(ModelKind.YOLO_POSE, manifest.kind());
        assertEquals("BGR", manifest.channels());
        assertEquals(List.of(255.0, 255.0, 255.0), manifest.normalization().std());
        assertEquals(21, manifest.keypoints().size());
        FamilyFields fields = ModelManifest.familyFields(dir);
        assertEquals("pixels", fields.coordinates());
        assertEquals(List.of("left", "right"), fields.classes());
        assertEquals(0.6, fields.iou());
        assertNull(fields.cropScale(), "a field the manifest leaves out is null: the family's default applies");
    }

    @Test
    void anUnknownKindOrFormatIsRefusedWithTheFileAndTheField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ModelManifest.FILE_NAME);
        Files.writeString(file, YOLO.replace("yolo-pose", "yolo-hands"));
        IOException kind = assertThrows(IOException.class, () -> ModelManifest.read(dir));
        assertTrue(kind.getMessage().startsWith(file.toString()) && kind.getMessage().contains("kind")
                && kind.getMessage().contains("yolo-hands"), kind.getMessage());
        Files.writeString(file, YOLO.replace("handscope-model/2", "handscope-model/3"));
        IOException format = assertThrows(IOException.class, () -> ModelManifest.read(dir));
        assertTrue(format.getMessage().contains("handscope-model/3"), format.getMessage());
    }

    @Test
    void aVersionOneManifestIsWrittenWithoutTheNewFields(@TempDir Path dir) throws IOException {
        new ModelManifest(ModelManifest.FORMAT, "m", ModelKind.GENERIC, "serving_default",
                new TensorSpec("input", "in", List.of(1, 2), "float32", null), "none", List.of(), null, "x", "1")
                .write(dir);
        String written = Files.readString(dir.resolve(ModelManifest.FILE_NAME));
        assertFalse(written.contains("normalization") || written.contains("keypoints"), written);
        assertEquals(ModelKind.GENERIC, ModelManifest.read(dir).kind());
    }
}
