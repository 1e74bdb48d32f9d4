package dev.handscope.models.convert;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.handscope.models.tflite.TensorType;
import dev.handscope.models.tflite.TfliteFormatException;
import dev.handscope.models.tflite.TfliteModel;
import dev.handscope.models.tflite.TfliteTensor;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/**
 * Corrupt TFLite files (random bodies behind a valid header, byte flips and truncations of a real
 * model) end in TfliteFormatException, ConversionException or success, never in another exception,
 * and never allocate much more than the file itself.
 */
class CorruptTfliteFuzzTest {
    private static final long SEED = 20261201L;
    private static final int CASES_PER_KIND = 100;
    /** Heap reading one file may allocate: the file a few times over plus a little per object. */
    private static final long READ_FACTOR = 8;
    private static final long READ_SLACK_BYTES = 4L << 20;
    /** Translating a corrupt model may allocate at most twice what the real model takes, plus this. */
    private static final long TRANSLATE_SLACK_BYTES = 16L << 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static byte[] original;
    /** Bytes of the real model that hold tables, vectors and strings rather than weights. */
    private static int[] structure;
    /** Heap that translating the real model allocates. */
    private static long realTranslation;
    private static long maxAllocated;

    @BeforeAll
    static void readTheRealModel() throws Exception {
        original = Files.readAllBytes(Path.of("tflite", "hand_landmark_lite.tflite"));
        boolean[] weights = new boolean[original.length];
        for (TfliteTensor tensor : TfliteModel.parse(ByteBuffer.wrap(original)).tensors()) {
            int start = tensor.data().arrayOffset();
            Arrays.fill(weights, start, start + tensor.data().remaining(), true);
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 8; i < original.length; i++) {
            if (!weights[i]) {
                rest.add(i);
            }
        }
        structure = rest.stream().mapToInt(Integer::intValue).toArray();
        TfliteModel real = TfliteModel.parse(ByteBuffer.wrap(original));
        translate(real); // the first translation also loads TensorFlow's classes
        long before = THREADS.getCurrentThreadAllocatedBytes();
        translate(real);
        realTranslation = THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @AfterAll
    static void report() {
        System.out.printf("corrupt TFLite fuzz: real translation %d bytes, largest case %d bytes%n",
                realTranslation, maxAllocated);
    }

    /** Reads and translates one file; returns what it ended in, failing on anything unexpected. */
    private static String attempt(String label, byte[] file) {
        long start = THREADS.getCurrentThreadAllocatedBytes();
        long afterReading = start;
        String outcome;
        try {
            TfliteModel model = TfliteModel.parse(ByteBuffer.wrap(file));
            afterReading = THREADS.getCurrentThreadAllocatedBytes();
            assertWithin(label + " reading", afterReading - start, READ_FACTOR * file.length + READ_SLACK_BYTES);
            translate(model);
            outcome = "converted";
        } catch (TfliteFormatException e) {
            outcome = "format";
        } catch (ConversionException e) {
            outcome = "conversion";
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new AssertionError(label + ": ended in " + e, e);
        }
        long end = THREADS.getCurrentThreadAllocatedBytes();
        assertWithin(label + " (" + outcome + ")", end - start, READ_FACTOR * file.length + READ_SLACK_BYTES
                + 2 * realTranslation + TRANSLATE_SLACK_BYTES);
        return outcome;
    }

    private static void translate(TfliteModel model) {
        try (Graph graph = new Graph()) {
            GraphTranslator translator = new GraphTranslator(model, Ops.create(graph));
            translator.input(OutputNaming.INPUT_NAME);
            translator.translateAll();
            OutputNaming.outputs(model, OutputNaming.recognise(model));
        }
    }

    private static void assertWithin(String label, long allocated, long bound) {
        maxAllocated = Math.max(maxAllocated, allocated);
        assertTrue(allocated <= bound, label + " allocated " + allocated + " bytes, more than " + bound);
    }

    @Test
    void randomBodiesBehindAValidHeader() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES_PER_KIND; i++) {
            // Mostly small words, so that offsets and lengths often land inside the file and the
            // reader goes deep rather than failing at the first offset.
            ByteBuffer body = ByteBuffer.allocate(64 + 4 * random.nextInt(1 << 14)).order(ByteOrder.LITTLE_ENDIAN);
            while (body.hasRemaining()) {
                body.putInt(random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(body.capacity()) - 16);
            }
            byte[] file = body.array();
            System.arraycopy(original, 4, file, 4, 4); // the TFL3 identifier
            attempt("random body #" + i, file);
        }
    }

    @Test
    void byteFlipsOfARealModel() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES_PER_KIND; i++) {
            byte[] file = original.clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                int at = structure[random.nextInt(structure.length)];
                file[at] = (byte) random.nextInt(256);
            }
            attempt("byte flips #" + i, file);
        }
    }

    @Test
    void truncationsOfARealModel() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < CASES_PER_KIND; i++) {
            attempt("truncation #" + i, Arrays.copyOf(original, 8 + random.nextInt(original.length - 8)));
        }
    }

    @Test
    void hugeShapesFailBeforeAllocating() {
        TfliteTensor large = new TfliteTensor(0, "w", TensorType.FLOAT32, new int[] {1 << 16, 1 << 15},
                ByteBuffer.allocate(16));
        TfliteTensor overflowing = new TfliteTensor(1, "w", TensorType.FLOAT32, new int[] {1 << 20, 1 << 20},
                ByteBuffer.allocate(16));
        TfliteTensor negative = new TfliteTensor(2, "w", TensorType.INT32, new int[] {-2, -2},
                ByteBuffer.allocate(16));
        for (TfliteTensor tensor : List.of(large, overflowing, negative)) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            TfliteFormatException error = assertThrows(TfliteFormatException.class,
                    () -> { if (tensor.type() == TensorType.INT32) { tensor.ints(); } else { tensor.floats(); } });
            assertTrue(THREADS.getCurrentThreadAllocatedBytes() - before < 1 << 20, error.getMessage());
            if (!error.getMessage().contains("shape")) {
                fail(error.getMessage());
            }
        }
    }
}
