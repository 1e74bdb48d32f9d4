package dev.handscope.app.cli;

import dev.handscope.models.convert.ConversionException;
import dev.handscope.models.convert.ModelKind;
import dev.handscope.models.convert.ModelManifest;
import dev.handscope.models.convert.TensorSpec;
import dev.handscope.models.convert.TfliteConverter;
import dev.handscope.models.tflite.TfliteFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code handscope convert IN.tflite OUT_DIR}: a TFLite model to a SavedModel with model.json. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a TFLite model (schema v3) into a TensorFlow SavedModel directory with a model.json.")
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.tflite", description = "The TFLite model.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "The SavedModel folder to write: a new or empty folder, or one that holds a HandScope "
                    + "SavedModel (replaced once the conversion is complete).")
    Path output;

    @Option(names = "--origin", paramLabel = "TEXT", defaultValue = "unknown",
            description = "Where the model comes from, recorded in model.json. Default: ${DEFAULT-VALUE}.")
    String origin;

    @Option(names = "--licence", paramLabel = "ID", defaultValue = "unknown",
            description = "Licence of the weights, recorded in model.json. Default: ${DEFAULT-VALUE}.")
    String licence;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "The model family, written into a handscope-model/2 model.json: yolo-pose, heatmap, simcc,"
                    + " heatmap-2.5d or hand-mesh (palm-detector and hand-landmarks are recognised by themselves).")
    String kind;

    @Option(names = "--field", paramLabel = "NAME=VALUE",
            description = "A family field for model.json (repeatable), its value as JSON or a bare word, e.g."
                    + " --field classes='[\"left\",\"right\"]' --field coordinates=normalized. Needs --kind.")
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    /** --kind and --field checked before anything is converted; null without --kind. */
    private ModelKind family() {
        if (kind == null) {
            if (!fields.isEmpty()) {
                throw new UserError(UserError.USAGE, "--field needs --kind (which family the fields belong to)");
            }
            return null;
        }
        ModelKind family = ModelKind.byId(kind);
        if (family == null || family == ModelKind.GENERIC) {
            throw new UserError(UserError.USAGE, "--kind " + kind + " is not a model family; use yolo-pose, heatmap,"
                    + " simcc, heatmap-2.5d, hand-mesh, palm-detector or hand-landmarks");
        }
        try {
            ModelManifest.checkFamilyFields(fields);
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.USAGE, "--field " + e.getMessage());
        }
        return family;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(input)) {
            err.println("handscope convert: " + input + ": no such file");
            return 1;
        }
        ModelKind family = family();
        try {
            long start = System.nanoTime();
            ModelManifest manifest = TfliteConverter.convert(input, output, origin, licence);
            if (family != null) {
                ModelManifest.writeFamily(output, family, ModelManifest.checkFamilyFields(fields));
                manifest = ModelManifest.read(output);
            }
            out.printf("Converted %s to %s in %.1f s: %s%n", input, output, (System.nanoTime() - start) / 1e9,
                    manifest.kind().id());
            out.println("  input  " + describe(manifest.input()));
            manifest.outputs().forEach(o -> out.println("  output " + describe(o)));
            out.println("  graphs saved_model.pb (TensorFlow: the GPU, --backend tensorflow) and "
                    + TfliteConverter.ONNX_FILE + " (ONNX Runtime: the CPU default)");
            return 0;
        } catch (ConversionException e) {
            err.println("handscope convert: " + input + ": " + e.getMessage());
            return 1;
        } catch (TfliteFormatException | IOException e) { // their messages name the file
            err.println("handscope convert: " + e.getMessage());
            return 1;
        }
    }

    private static String describe(TensorSpec tensor) {
        return tensor.name() + " " + tensor.shape() + " (tflite '" + tensor.tflite() + "')";
    }
}
