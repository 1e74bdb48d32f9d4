package dev.handscope.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.landmarks.HandLandmarkModel;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class SavedModelRunnerTest {
    private static final RuntimeOptions CPU = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU);
    private static final ModelContract TINY = new ModelContract("serving_default",
            new TensorContract("image", 1, 2), List.of(new TensorContract("doubled", 1, 2)));

    /** Exports a two-number model; with {@code readFile} it also holds a ReadFile node. */
    private static Path export(Path dir, boolean readFile) throws Exception {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 2)));
            Operand<TFloat32> doubled = tf.withName("doubled").math.mul(image, tf.constant(2f));
            if (readFile) {
                tf.withName("steal").io.readFile(tf.constant("/etc/passwd"));
            }
            try (Session session = new Session(graph)) {
                SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(
                        Signature.builder().key("serving_default").input("image", image).output("doubled", doubled).build())
                        .export();
            }
        }
        return dir;
    }

    @Test
    void runsAModelOnReusedBuffers(@TempDir Path dir) throws Exception {
        try (SavedModelRunner runner = SavedModelRunner.load(export(dir.resolve("tiny"), false), TINY, CPU)) {
            float[] in = runner.input();
            for (int round = 1; round <= 3; round++) {
                in[0] = round;
                in[1] = -round;
                runner.run();
                assertEquals(2 * round, runner.output(0)[0]);
                assertEquals(-2 * round, runner.output(0)[1]);
            }
            assertEquals(InferenceDevice.CPU, runner.device());
        }
    }

    @Test
    void modelWithReadFileIsRefusedByName(@TempDir Path dir) throws Exception {
        Path model = export(dir.resolve("malicious"), true);
        ModelLoadException error = assertThrows(ModelLoadException.class, () -> SavedModelRunner.load(model, TINY, CPU));
        assertTrue(error.getMessage().startsWith(model.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("'ReadFile'") && error.getMessage().contains("'steal'"), error.getMessage());
    }

    @Test
    void signatureMismatchesAreNamed() throws Exception {
        Path palm = ModelCatalogue.bundled().palmDetector(ModelVariant.LITE);
        ModelLoadException missing = assertThrows(ModelLoadException.class,
                () -> SavedModelRunner.load(palm, HandLandmarkModel.CONTRACT, CPU));
        assertTrue(missing.getMessage().contains(palm.toString()), missing.getMessage());
        assertTrue(missing.getMessage().contains("shape [1, 192, 192, 3], expected [1, 224, 224, 3]"), missing.getMessage());

        ModelContract wrongOutput = new ModelContract("serving_default", new TensorContract("image", 1, 192, 192, 3),
                List.of(new TensorContract("landmarks", 1, 63)));
        ModelLoadException noOutput = assertThrows(ModelLoadException.class,
                () -> SavedModelRunner.load(palm, wrongOutput, CPU));
        assertTrue(noOutput.getMessage().contains("no output 'landmarks'") && noOutput.getMessage().contains("boxes"),
                noOutput.getMessage());
    }

    @Test
    void missingAndMalformedModelsAreNamed(@TempDir Path dir) throws Exception {
        Path nothing = dir.resolve("nothing");
        assertTrue(assertThrows(ModelLoadException.class, () -> SavedModelRunner.load(nothing, TINY, CPU))
                .getMessage().contains("no such model directory"));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertTrue(assertThrows(ModelLoadException.class, () -> SavedModelRunner.load(empty, TINY, CPU))
                .getMessage().contains("no saved_model.pb"));
        Path broken = Files.createDirectory(dir.resolve("broken"));
        Files.write(broken.resolve("saved_model.pb"), new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
        ModelLoadException malformed = assertThrows(ModelLoadException.class,
                () -> SavedModelRunner.load(broken, TINY, CPU));
        assertTrue(malformed.getMessage().contains("saved_model.pb: malformed"), malformed.getMessage());
    }

    @Test
    void gpuRequestWithoutGpuFailsClearlyAndAutoFallsBack() throws Exception {
        if (TensorFlowRuntime.gpuAvailable()) {
            assertEquals(InferenceDevice.GPU, TensorFlowRuntime.resolve(InferenceDevice.AUTO));
            return;
        }
        assertEquals(InferenceDevice.CPU, TensorFlowRuntime.resolve(InferenceDevice.AUTO));
        ModelLoadException error = assertThrows(ModelLoadException.class, () -> TensorFlowRuntime.resolve(InferenceDevice.GPU));
        assertTrue(error.getMessage().contains("--device gpu"), error.getMessage());
    }
}
