package dev.handscope.models.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference inputs and outputs in ../shared/reference/mediapipe-hands (float32 little-endian). */
final class ReferenceOutputs {
    static final Path DIR = Path.of(System.getProperty("handscope.shared", "../../shared"), "reference", "mediapipe-hands");

    private ReferenceOutputs() {
    }

    static float[] read(String file) throws IOException {
        Path path = DIR.resolve(file);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    /** ||a - b|| / ||b||. */
    static double relativeL2(float[] actual, float[] expected) {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = actual[i] - expected[i];
            difference += d * d;
            norm += (double) expected[i] * expected[i];
        }
        return Math.sqrt(difference / Math.max(norm, 1e-30));
    }

    static double maxAbs(float[] actual, float[] expected) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        return max;
    }
}
