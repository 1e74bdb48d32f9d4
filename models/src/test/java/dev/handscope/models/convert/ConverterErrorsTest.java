package dev.handscope.models.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConverterErrorsTest {
    private static final int SOFTMAX = 25;
    private static final int LOGISTIC = 14;

    /** A one-operator TFLite model: input [1, 4] float32 -> operator -> output [1, 4]. */
    static byte[] oneOperatorModel(int builtinCode) {
        FlatBufferBuilder b = new FlatBufferBuilder(256);
        int[] tensors = new int[2];
        for (int i = 0; i < 2; i++) {
            int name = b.createString(i == 0 ? "input_1" : "Identity");
            int shape = intVector(b, new int[] {1, 4});
            b.startTable(4);
            b.addOffset(0, shape, 0);
            b.addByte(1, (byte) 0, -1); // FLOAT32, forced
            b.addInt(2, 0, -1);         // buffer 0 (empty)
            b.addOffset(3, name, 0);
            tensors[i] = b.endTable();
        }
        int tensorVector = b.createVectorOfTables(tensors);
        int opInputs = intVector(b, new int[] {0});
        int opOutputs = intVector(b, new int[] {1});
        b.startTable(3);
        b.addInt(0, 0, -1);
        b.addOffset(1, opInputs, 0);
        b.addOffset(2, opOutputs, 0);
        int operator = b.endTable();
        int operators = b.createVectorOfTables(new int[] {operator});
        int inputs = intVector(b, new int[] {0});
        int outputs = intVector(b, new int[] {1});
        b.startTable(5);
        b.addOffset(0, tensorVector, 0);
        b.addOffset(1, inputs, 0);
        b.addOffset(2, outputs, 0);
        b.addOffset(3, operators, 0);
        int subgraph = b.endTable();
        int subgraphs = b.createVectorOfTables(new int[] {subgraph});
        b.startTable(4);
        b.addByte(0, (byte) builtinCode, -1);
        b.addInt(2, 1, -1);
        b.addInt(3, builtinCode, -1);
        int code = b.endTable();
        int codes = b.createVectorOfTables(new int[] {code});
        b.startTable(0);
        int emptyBuffer = b.endTable();
        int buffers = b.createVectorOfTables(new int[] {emptyBuffer});
        int description = b.createString("test model");
        b.startTable(5);
        b.addInt(0, 3, -1);
        b.addOffset(1, codes, 0);
        b.addOffset(2, subgraphs, 0);
        b.addOffset(3, description, 0);
        b.addOffset(4, buffers, 0);
        int model = b.endTable();
        b.finish(model, "TFL3");
        ByteBuffer bytes = b.dataBuffer();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }

    private static int intVector(FlatBufferBuilder b, int[] values) {
        b.startVector(4, values.length, 4);
        for (int i = values.length - 1; i >= 0; i--) {
            b.addInt(values[i]);
        }
        return b.endVector();
    }

    @Test
    void unsupportedOperatorIsNamedWithItsIndex(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("softmax.tflite");
        Files.write(model, oneOperatorModel(SOFTMAX));
        ConversionException error = assertThrows(ConversionException.class,
                () -> TfliteConverter.convert(model, dir.resolve("out"), "test", "test"));
        assertEquals("operator #0 SOFTMAX: operator not supported", error.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is left behind");
    }

    @Test
    void unknownModelsConvertWithTheirOwnOutputNames(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("sigmoid.tflite");
        Files.write(model, oneOperatorModel(LOGISTIC));
        ModelManifest manifest = TfliteConverter.convert(model, dir.resolve("out"), "test", "test");
        assertEquals(ModelKind.GENERIC, manifest.kind());
        assertEquals("identity", manifest.outputs().get(0).name());
        assertEquals(manifest, ModelManifest.read(dir.resolve("out")));
    }

    @Test
    void conversionIsRedoneOnlyWhenTheSourceChanges(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("sigmoid.tflite");
        Files.write(model, oneOperatorModel(LOGISTIC));
        Path out = dir.resolve("out");
        assertFalse(TfliteConverter.isUpToDate(model, out));
        TfliteConverter.convert(model, out, "test", "test");
        assertTrue(TfliteConverter.isUpToDate(model, out));
        byte[] changed = Files.readAllBytes(model);
        changed[changed.length - 1] ^= 1; // a different source hash
        Files.write(model, changed);
        assertFalse(TfliteConverter.isUpToDate(model, out));
    }

    @Test
    void malformedManifestIsReportedByFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ModelManifest.FILE_NAME), "{ \"format\": ");
        var error = assertThrows(java.io.IOException.class, () -> ModelManifest.read(dir));
        assertTrue(error.getMessage().contains("model.json: malformed JSON"), error.getMessage());
    }
}
