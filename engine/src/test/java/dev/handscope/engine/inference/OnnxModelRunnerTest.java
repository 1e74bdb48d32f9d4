package dev.handscope.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.landmarks.HandLandmarkModel;
import dev.handscope.engine.palm.PalmDetectorModel;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import dev.handscope.models.convert.TfliteConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelRunnerTest {
    private static final RuntimeOptions CPU = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU);
    private static Path PALM_LITE;
    private static Path PALM_FULL;

    @BeforeAll
    static void bundled() throws Exception {
        PALM_LITE = ModelCatalogue.bundled().palmDetector(ModelVariant.LITE);
        PALM_FULL = ModelCatalogue.bundled().palmDetector(ModelVariant.FULL);
    }

    @Test
    void runsWhatTensorFlowRunsOnReusedBuffers() throws Exception {
        try (OnnxModelRunner onnx = OnnxModelRunner.load(PALM_LITE, PalmDetectorModel.CONTRACT, CPU);
             SavedModelRunner tensorflow = SavedModelRunner.load(PALM_LITE, PalmDetectorModel.CONTRACT, CPU)) {
            float[] previous = null;
            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < onnx.input().length; i++) {
                    float value = (float) (0.5 + 0.5 * Math.sin(i * 0.0007 * round));
                    onnx.input()[i] = value;
                    tensorflow.input()[i] = value;
                }
                onnx.run();
                tensorflow.run();
                for (int output = 0; output < 2; output++) {
                    double relative = relativeL2(onnx.output(output), tensorflow.output(output));
                    assertTrue(relative < 2e-5, "round " + round + ", output " + output + ": relative L2 " + relative);
                }
                // Each round's input reaches the session: the outputs move with it.
                assertNotEquals(previous == null ? Float.NaN : previous[0], onnx.output(0)[0]);
                previous = onnx.output(0).clone();
            }
            assertEquals(InferenceDevice.CPU, onnx.device());
            assertTrue(onnx.description().startsWith("ONNX Runtime "), onnx.description());
        }
    }

    @Test
    void besideOtherModelsItRunsOnOneThreadWithTheSameAnswers() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (OnnxModelRunner runner = OnnxModelRunner.load(PALM_LITE, PalmDetectorModel.CONTRACT, CPU)) {
            assertEquals(Math.min(2, cores), runner.intraOpThreads(), "auto: two threads alone where there are two cores");
            assertEquals(cores > 1, runner.description().endsWith("(1 intra-op beside other models)"),
                    runner.description());
            for (int i = 0; i < runner.input().length; i++) {
                runner.input()[i] = (float) (0.5 + 0.5 * Math.cos(i * 0.0011));
            }
            runner.run();
            float[] alone = runner.output(0).clone();
            runner.besideOthers(true);
            java.util.Arrays.fill(runner.output(0), Float.NaN);
            runner.run();
            assertTrue(relativeL2(runner.output(0), alone) < 1e-6, "same graph, same answer on one thread");
            runner.besideOthers(false);
            runner.run();
            assertTrue(relativeL2(runner.output(0), alone) < 1e-6);
        }
        RuntimeOptions three = CPU.withThreads(3, 1);
        assertEquals(3, three.intraOpThreads(true));
        assertEquals(3, three.intraOpThreads(false));
        assertEquals(1, CPU.intraOpThreads(false), "auto on TensorFlow: one thread");
    }

    @Test
    void autoRunsConvertedModelsOnOnnxRuntimeAndTensorflowWhenAsked() throws Exception {
        try (ModelRunner auto = ModelRunners.load(PALM_LITE, PalmDetectorModel.CONTRACT, CPU);
             ModelRunner asked = ModelRunners.load(PALM_LITE, PalmDetectorModel.CONTRACT,
                     CPU.withBackend(ModelBackend.TENSORFLOW))) {
            assertInstanceOf(OnnxModelRunner.class, auto);
            assertInstanceOf(SavedModelRunner.class, asked);
            assertTrue(asked.description().startsWith("TensorFlow "), asked.description());
        }
    }

    @Test
    void aGraphNotConvertedBesideItsSavedModelIsRefusedAndAutoFallsBack(@TempDir Path dir) throws Exception {
        // The lite graph beside the full SavedModel: a stale or foreign model.onnx.
        Path mixed = copy(PALM_LITE, dir.resolve("mixed"));
        Files.copy(PALM_FULL.resolve("saved_model.pb"), mixed.resolve("saved_model.pb"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ModelLoadException error = assertThrows(ModelLoadException.class,
                () -> OnnxModelRunner.load(mixed, PalmDetectorModel.CONTRACT, CPU));
        assertTrue(error.getMessage().startsWith(mixed.resolve("model.onnx").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("was not converted beside this folder's saved_model.pb (the SavedModel"
                + " has changed)"), error.getMessage());
        try (ModelRunner auto = ModelRunners.load(mixed, PalmDetectorModel.CONTRACT, CPU)) {
            assertInstanceOf(SavedModelRunner.class, auto);
        }
    }

    @Test
    void corruptMissingAndMismatchedGraphsAreNamed(@TempDir Path dir) throws Exception {
        RuntimeOptions onnx = CPU.withBackend(ModelBackend.ONNX);
        Path corrupt = copy(PALM_LITE, dir.resolve("corrupt"));
        Files.write(corrupt.resolve("model.onnx"), new byte[] {0x08, 0x07, 0x12, (byte) 0xff, 0x01});
        ModelLoadException unreadable = assertThrows(ModelLoadException.class,
                () -> ModelRunners.load(corrupt, PalmDetectorModel.CONTRACT, onnx));
        assertTrue(unreadable.getMessage().contains("ONNX Runtime cannot load this graph"), unreadable.getMessage());
        try (ModelRunner auto = ModelRunners.load(corrupt, PalmDetectorModel.CONTRACT, CPU)) {
            assertInstanceOf(SavedModelRunner.class, auto);
        }

        Path missing = copy(PALM_LITE, dir.resolve("missing"));
        Files.delete(missing.resolve("model.onnx"));
        ModelLoadException none = assertThrows(ModelLoadException.class,
                () -> ModelRunners.load(missing, PalmDetectorModel.CONTRACT, onnx));
        assertTrue(none.getMessage().contains("no model.onnx") && none.getMessage().contains("--backend tensorflow"),
                none.getMessage());

        ModelLoadException shape = assertThrows(ModelLoadException.class,
                () -> ModelRunners.load(PALM_LITE, HandLandmarkModel.CONTRACT, onnx));
        assertTrue(shape.getMessage().contains("has shape [1, 192, 192, 3], expected [1, 224, 224, 3]"),
                shape.getMessage());

        ModelLoadException gpu = assertThrows(ModelLoadException.class,
                () -> ModelRunners.load(PALM_LITE, PalmDetectorModel.CONTRACT, onnx.withDevice(InferenceDevice.GPU)));
        assertTrue(gpu.getMessage().contains("CPU only"), gpu.getMessage());
    }

    @Test
    void traceIsOnnxRuntimesProfileOfTheRuns() throws Exception {
        try (OnnxModelRunner runner = OnnxModelRunner.load(PALM_LITE, PalmDetectorModel.CONTRACT, CPU)) {
            Path trace = runner.trace(2);
            try {
                String text = Files.readString(trace);
                assertTrue(text.startsWith("[") && text.contains("_kernel_time") && text.contains("\"Conv\""),
                        text.substring(0, Math.min(200, text.length())));
            } finally {
                Files.delete(trace);
            }
        }
    }

    @Test
    void tensorflowIsNeededOnlyWhereItWillRun(@TempDir Path dir) throws Exception {
        Path savedModelOnly = copy(PALM_LITE, dir.resolve("saved-model-only"));
        Files.delete(savedModelOnly.resolve("model.onnx"));
        assertEquals(TensorFlowRuntime.gpuNativesBundled(), ModelRunners.needsTensorFlow(PALM_LITE,
                RuntimeOptions.defaults()), "auto on the CPU build: the converted model runs on ONNX Runtime");
        assertEquals(false, ModelRunners.needsTensorFlow(PALM_LITE, CPU));
        assertEquals(true, ModelRunners.needsTensorFlow(PALM_LITE, CPU.withBackend(ModelBackend.TENSORFLOW)));
        assertEquals(true, ModelRunners.needsTensorFlow(savedModelOnly, CPU));
        assertEquals(false, ModelRunners.needsTensorFlow(savedModelOnly, CPU.withBackend(ModelBackend.ONNX)));
    }

    @Test
    void theConverterWritesWhatTheRunnerReads() {
        assertEquals(TfliteConverter.ONNX_FILE, OnnxModelRunner.FILE);
        assertEquals(TfliteConverter.SAVED_MODEL_SHA256, OnnxModelRunner.SAVED_MODEL_SHA256);
    }

    private static Path copy(Path model, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(model)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static double relativeL2(float[] actual, float[] expected) {
        double difference = 0, norm = 0;
        for (int i = 0; i < expected.length; i++) {
            difference += (actual[i] - expected[i]) * (double) (actual[i] - expected[i]);
            norm += expected[i] * (double) expected[i];
        }
        return Math.sqrt(difference / norm);
    }
}
