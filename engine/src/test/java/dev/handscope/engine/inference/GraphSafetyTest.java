package dev.handscope.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.models.catalogue.ModelCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperationBuilder;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/** Only pure-compute operators load: file, process and logging operators are refused by name. */
class GraphSafetyTest {
    private static final RuntimeOptions CPU = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU);
    private static final ModelContract TINY = new ModelContract("serving_default",
            new TensorContract("image", 1, 2), List.of(new TensorContract("doubled", 1, 2)));

    /** A dangling operator beside the two-number model, built with TensorFlow's raw op builder. */
    record Intruder(String op, Consumer<Ops> build) {
        @Override
        public String toString() {
            return op;
        }
    }

    static List<Intruder> intruders() {
        return List.of(
                new Intruder("GenerateVocabRemapping", tf -> raw(tf, "GenerateVocabRemapping")
                        .addInput(tf.constant("/etc/passwd").asOutput()).addInput(tf.constant("/etc/hosts").asOutput())
                        .setAttr("new_vocab_offset", 0L).setAttr("num_new_vocab", 1L).build()),
                new Intruder("RecordInput", tf -> raw(tf, "RecordInput")
                        .setAttr("file_pattern", "/etc/*").build()),
                new Intruder("ReadFile", tf -> tf.withName("steal").io.readFile(tf.constant("/etc/passwd"))),
                new Intruder("WriteFile", tf -> tf.withName("steal").io.writeFile(tf.constant("/tmp/owned"),
                        tf.constant("x"))),
                new Intruder("MatchingFiles", tf -> tf.withName("steal").io.matchingFiles(tf.constant("/home/*"))),
                new Intruder("ImmutableConst", tf -> raw(tf, "ImmutableConst")
                        .setAttr("dtype", DataType.DT_INT32).setAttr("shape", Shape.of(1))
                        .setAttr("memory_region_name", "/etc/passwd").build()),
                new Intruder("PrintV2", tf -> raw(tf, "PrintV2")
                        .addInput(tf.constant("x").asOutput()).setAttr("output_stream", "file:///tmp/owned").build()));
    }

    private static GraphOperationBuilder raw(Ops tf, String op) {
        return ((Graph) tf.scope().env()).opBuilder(op, "steal", tf.scope());
    }

    private static Operand<TString> strings(Ops tf, String... values) {
        return tf.constant(NdArrays.vectorOfObjects(values));
    }

    private static Path export(Path dir, Consumer<Ops> extra) throws Exception {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 2)));
            Operand<TFloat32> doubled = tf.withName("doubled").math.mul(image, tf.constant(2f));
            extra.accept(tf);
            try (Session session = new Session(graph)) {
                SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(
                        Signature.builder().key("serving_default").input("image", image).output("doubled", doubled).build())
                        .export();
            }
        }
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intruders")
    void fileAndProcessOperatorsAreRefusedByName(Intruder intruder, @TempDir Path dir) throws Exception {
        Path model = export(dir.resolve("model"), intruder.build());
        ModelLoadException error = assertThrows(ModelLoadException.class, () -> SavedModelRunner.load(model, TINY, CPU));
        assertEquals(model + ": refused: operator '" + intruder.op() + "' (node 'steal') is not a pure-compute "
                + "operator. HandScope only loads models made of pure-compute operators (see \"Model safety\" in "
                + "the README); re-export the model without it.", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"palm_detection_full", "palm_detection_lite", "hand_landmark_full", "hand_landmark_lite"})
    void bundledModelsPass(String name) throws Exception {
        Path model = ModelCatalogue.bundled().model(name);
        GraphSafety.check(model, SavedModel.parseFrom(Files.readAllBytes(model.resolve("saved_model.pb"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RestoreV2", "SaveV2"})
    void checkpointOperatorsOutsideTheSaverAreRefused(String op, @TempDir Path dir) throws Exception {
        Path model = export(dir.resolve("model"), tf -> {
            var prefix = tf.constant("/tmp/ckpt").asOutput();
            var names = strings(tf, "v").asOutput();
            var slices = strings(tf, "").asOutput();
            GraphOperationBuilder builder = raw(tf, op).addInput(prefix).addInput(names).addInput(slices);
            if (op.equals("SaveV2")) {
                builder.addInputList(new org.tensorflow.Output<?>[] {tf.constant(new float[] {1f}).asOutput()});
            } else {
                builder.setAttr("dtypes", new DataType[] {DataType.DT_FLOAT});
            }
            builder.build();
        });
        ModelLoadException error = assertThrows(ModelLoadException.class, () -> SavedModelRunner.load(model, TINY, CPU));
        assertTrue(error.getMessage().contains("operator '" + op + "' (node 'steal') reads or writes checkpoints, "
                + "which only the model's own saver may do"), error.getMessage());
    }
}
