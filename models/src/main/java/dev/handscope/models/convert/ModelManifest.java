package dev.handscope.models.convert;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * model.json, written beside each converted SavedModel: what the model is, how to feed it, what its
 * outputs mean, and where it came from.
 *
 * @param format    manifest format, {@value #FORMAT}
 * @param name      model name (the source file name without .tflite)
 * @param kind      what the model does
 * @param signature the SavedModel signature key to call
 * @param input     the single input
 * @param preprocessing how an image becomes the input, in words
 * @param outputs   the outputs, in source order
 * @param source    the TFLite file it was converted from
 * @param licence   licence of the weights
 * @param converter the converter that wrote it (a new version reconverts)
 */
public record ModelManifest(String format, String name, ModelKind kind, String signature, TensorSpec input,
                            String preprocessing, List<TensorSpec> outputs, Source source, String licence,
                            String converter) {

    public static final String FORMAT = "handscope-model/1";
    public static final String FILE_NAME = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param file    source file name
     * @param sha256  source file hash (conversion is redone when it changes)
     * @param origin  where the file came from (package and version), or "unknown"
     */
    public record Source(String file, String sha256, String origin) {
    }

    public void write(Path directory) throws IOException {
        Files.writeString(directory.resolve(FILE_NAME), JSON.writeValueAsString(this) + "\n");
    }

    /** Reads a model directory's manifest; the error names the file and what is wrong. */
    public static ModelManifest read(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing (every HandScope model directory has a model.json)");
        }
        try {
            ModelManifest manifest = JSON.readValue(file.toFile(), ModelManifest.class);
            if (!FORMAT.equals(manifest.format()) || manifest.kind() == null || manifest.input() == null
                    || manifest.outputs() == null) {
                throw new IOException(file + ": not a " + FORMAT + " manifest (format, kind, input or outputs missing)");
            }
            return manifest;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
