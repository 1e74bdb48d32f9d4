package dev.handscope.models.convert;

import dev.handscope.models.tflite.TfliteModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Converts a TFLite model into a TensorFlow SavedModel (constants only, serving signature
 * "serving_default" with meaningful tensor names), the same graph as ONNX ({@value #ONNX_FILE}, for
 * ONNX Runtime on the CPU: same names, and the SavedModel's sha256 in its metadata so a runner can
 * tell it belongs to that SavedModel) plus its model.json manifest.
 */
public final class TfliteConverter {
    static final String NAME = "handscope-tflite-converter";
    /** Bump when the conversion itself changes, so that existing outputs are redone. */
    public static final String VERSION = NAME + "/5";
    public static final String SIGNATURE = "serving_default";
    public static final String ONNX_FILE = "model.onnx";
    /** Metadata key of {@value #ONNX_FILE}: the sha256 of the saved_model.pb it was converted beside. */
    public static final String SAVED_MODEL_SHA256 = "handscope.saved_model_sha256";

    private TfliteConverter() {
    }

    /**
     * Converts {@code tflite} into the SavedModel directory {@code output}. The output must be new,
     * empty or a HandScope SavedModel ({@link OutputFolderException} otherwise); it is replaced only
     * once the new model is complete, and a failed conversion leaves it as it was.
     *
     * @param origin where the file came from (package and version), or "unknown"
     * @param licence licence of the weights, or "unknown"
     */
    public static ModelManifest convert(Path tflite, Path output, String origin, String licence) throws IOException {
        OutputFolder.requireReplaceable(output, tflite);
        TfliteModel model = TfliteModel.read(tflite);
        OutputNaming.Layout layout = OutputNaming.recognise(model);
        String name = tflite.getFileName().toString().replaceFirst("\\.tflite$", "");
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + name + "-converting-");
        try {
            List<TensorSpec> outputs = OutputNaming.outputs(model, layout);
            TensorSpec input;
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                GraphTranslator translator = new GraphTranslator(model, tf);
                Operand<TFloat32> image = translator.input(OutputNaming.INPUT_NAME);
                translator.translateAll();
                Signature.Builder signature = Signature.builder().key(SIGNATURE).input(OutputNaming.INPUT_NAME, image);
                int[] outputTensors = model.outputs();
                for (int i = 0; i < outputTensors.length; i++) {
                    String outputName = outputs.get(i).name();
                    signature.output(outputName, tf.withName(outputName).identity(translator.value(outputTensors[i])));
                }
                Path export = staging.resolve("savedmodel");
                try (Session session = new Session(graph)) {
                    SavedModelBundle.exporter(export.toString()).withSession(session).withSignature(signature.build()).export();
                }
                moveContents(export, staging);
                // A constants-only model has nothing to restore: drop the empty variables folder.
                Path variables = staging.resolve("variables");
                try (Stream<Path> left = Files.exists(variables) ? Files.list(variables) : Stream.empty()) {
                    if (Files.exists(variables) && left.findAny().isEmpty()) {
                        Files.delete(variables);
                    }
                }
                byte[] onnx = new OnnxTranslator(model).translate(OutputNaming.INPUT_NAME,
                        outputs.stream().map(TensorSpec::name).toList(), name,
                        Map.of(SAVED_MODEL_SHA256, sha256(staging.resolve("saved_model.pb"))));
                Files.write(staging.resolve(ONNX_FILE), onnx);
                input = TensorSpec.of(OutputNaming.INPUT_NAME, model.tensor(model.inputs()[0]).name(),
                        model.tensor(model.inputs()[0]).shape(), null);
            }
            ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, name,
                    layout == null ? ModelKind.GENERIC : layout.kind(), SIGNATURE, input,
                    layout == null ? "unknown: see the source model" : layout.preprocessing(), outputs,
                    new ModelManifest.Source(tflite.getFileName().toString(), sha256(tflite), origin), licence, VERSION);
            manifest.write(staging);
            OutputFolder.moveIntoPlace(staging, output);
            return manifest;
        } finally {
            deleteRecursively(staging);
        }
    }

    /** Whether {@code output} already holds this converter's conversion of exactly this source. */
    public static boolean isUpToDate(Path tflite, Path output) throws IOException {
        if (!Files.isRegularFile(output.resolve(ModelManifest.FILE_NAME))) {
            return false;
        }
        try {
            ModelManifest manifest = ModelManifest.read(output);
            return VERSION.equals(manifest.converter()) && manifest.source() != null
                    && sha256(tflite).equals(manifest.source().sha256())
                    && Files.isRegularFile(output.resolve("saved_model.pb"))
                    && Files.isRegularFile(output.resolve(ONNX_FILE));
        } catch (IOException e) {
            return false; // a broken manifest is simply redone
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) > 0; ) {
                digest.update(chunk, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void moveContents(Path from, Path to) throws IOException {
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                Files.move(entry, to.resolve(entry.getFileName()));
            }
        }
        Files.delete(from);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
