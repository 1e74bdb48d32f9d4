package dev.handscope.models.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the bundled MediaPipe models and checks them against tflite_summary.txt in ../shared. */
class TfliteModelTest {
    static final Path TFLITE = Path.of("tflite");

    private static Map<String, Integer> histogram(TfliteModel model) {
        Map<String, Integer> counts = new TreeMap<>();
        model.operators().forEach(op -> counts.merge(op.name(), 1, Integer::sum));
        return counts;
    }

    @Test
    void palmDetectorMatchesTheReferenceSummary() throws Exception {
        TfliteModel model = TfliteModel.read(TFLITE.resolve("palm_detection_full.tflite"));
        assertEquals(413, model.tensors().size());
        assertEquals(272, model.operators().size());
        TfliteTensor input = model.tensor(model.inputs()[0]);
        assertEquals("input_1", input.name());
        assertArrayEquals(new int[] {1, 192, 192, 3}, input.shape());
        assertEquals("Identity", model.tensor(model.outputs()[0]).name());
        assertArrayEquals(new int[] {1, 2016, 18}, model.tensor(model.outputs()[0]).shape());
        assertEquals(Map.of("DEQUANTIZE", 133, "CONV_2D", 35, "PRELU", 31, "ADD", 30, "DEPTHWISE_CONV_2D", 28,
                "MAX_POOL_2D", 4, "RESHAPE", 4, "PAD", 3, "RESIZE_BILINEAR", 2, "CONCATENATION", 2), histogram(model));
    }

    @Test
    void landmarkModelsMatchTheReferenceSummary() throws Exception {
        TfliteModel lite = TfliteModel.read(TFLITE.resolve("hand_landmark_lite.tflite"));
        assertEquals(Map.of("DEQUANTIZE", 102, "CONV_2D", 31, "DEPTHWISE_CONV_2D", 16, "ADD", 10,
                "FULLY_CONNECTED", 4, "LOGISTIC", 2, "MAX_POOL_2D", 1, "MEAN", 1), histogram(lite));
        TfliteModel full = TfliteModel.read(TFLITE.resolve("hand_landmark_full.tflite"));
        assertEquals(Arrays.asList("Identity", "Identity_1", "Identity_2", "Identity_3"),
                Arrays.stream(full.outputs()).sorted().mapToObj(i -> full.tensor(i).name()).sorted().toList());
        long halfBytes = full.tensors().stream().filter(t -> t.type() == TensorType.FLOAT16)
                .mapToLong(t -> t.data().remaining()).sum();
        assertEquals(5431360, halfBytes);
    }

    @Test
    void float16ExpandsExactly() {
        assertEquals(1.0f, TfliteTensor.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, TfliteTensor.halfToFloat((short) 0xc000));
        assertEquals(65504f, TfliteTensor.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, TfliteTensor.halfToFloat((short) 0x0001));
        assertEquals(Float.POSITIVE_INFINITY, TfliteTensor.halfToFloat((short) 0x7c00));
        assertTrue(Float.isNaN(TfliteTensor.halfToFloat((short) 0x7e00)));
        assertEquals(0.333251953125f, TfliteTensor.halfToFloat((short) 0x3555));
    }

    @Test
    void truncatedOrForeignFilesFailWithTheirName(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(TFLITE.resolve("hand_landmark_lite.tflite"));
        Path truncated = dir.resolve("cut.tflite");
        Files.write(truncated, Arrays.copyOf(whole, 4096));
        TfliteFormatException cut = assertThrows(TfliteFormatException.class, () -> TfliteModel.read(truncated));
        assertTrue(cut.getMessage().startsWith(truncated.toString()), cut.getMessage());
        assertTrue(cut.getMessage().contains("truncated or corrupt"), cut.getMessage());

        TfliteFormatException foreign = assertThrows(TfliteFormatException.class,
                () -> TfliteModel.parse(ByteBuffer.wrap("PK\u0003\u0004 a zip, not a model".getBytes())));
        assertTrue(foreign.getMessage().contains("TFL3"), foreign.getMessage());
    }
}
