package dev.handscope.models.convert;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param normalization /2: how 0..255 RGB values become the input (null: [0, 1])
 * @param channels  /2: "RGB" (null too) or "BGR"
 * @param keypoints /2: for each of the 21 hand landmarks, the model's keypoint index (null: the same order)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(String format, String name, ModelKind kind, String signature, TensorSpec input,
                            String preprocessing, List<TensorSpec> outputs, Source source, String licence,
                            String converter, Normalization normalization, String channels, List<Integer> keypoints) {

    /** What the converter writes for MediaPipe's models. */
    public static final String FORMAT = "handscope-model/1";
    /** Bring-your-own models: normalisation, channel order, keypoint order and the family's own fields. */
    public static final String FORMAT_2 = "handscope-model/2";
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

    /** Per channel (R, G, B): input = (value - mean) / std for values in 0..255. */
    public record Normalization(List<Double> mean, List<Double> std) {
    }

    /** A /1 manifest as the converter writes it. */
    public ModelManifest(String format, String name, ModelKind kind, String signature, TensorSpec input,
                         String preprocessing, List<TensorSpec> outputs, Source source, String licence,
                         String converter) {
        this(format, name, kind, signature, input, preprocessing, outputs, source, licence, converter, null, null,
                null);
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
            if (!FORMAT.equals(manifest.format()) && !FORMAT_2.equals(manifest.format())) {
                throw new IOException(file + ": format is " + manifest.format() + "; expected " + FORMAT + " or "
                        + FORMAT_2);
            }
            if (manifest.kind() == null || manifest.input() == null || manifest.outputs() == null) {
                throw new IOException(file + ": not a " + manifest.format()
                        + " manifest (kind, input or outputs missing)");
            }
            return manifest;
        } catch (com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
            throw new IOException(file + ": " + fieldPath(e) + ": " + e.getValue() + " is not one of its values", e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Fields a handscope-model/2 manifest adds to what the converter writes. */
    private static final java.util.Set<String> FAMILY_FIELD_NAMES = familyFieldNames();

    private static java.util.Set<String> familyFieldNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(java.util.List.of("normalization", "channels", "keypoints"));
        for (var component : FamilyFields.class.getRecordComponents()) {
            names.add(component.getName());
        }
        return java.util.Set.copyOf(names);
    }

    /**
     * Checks family fields given as text (JSON values; a bare word is a string) before anything is
     * written: known names, values of the right type.
     *
     * @return the fields as JSON values
     * @throws IllegalArgumentException naming the field and what it takes
     */
    public static java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> checkFamilyFields(
            java.util.Map<String, String> fields) {
        var values = new java.util.LinkedHashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        for (var field : fields.entrySet()) {
            if (!FAMILY_FIELD_NAMES.contains(field.getKey())) {
                throw new IllegalArgumentException("unknown field '" + field.getKey() + "'; a family takes "
                        + String.join(", ", new java.util.TreeSet<>(FAMILY_FIELD_NAMES)));
            }
            com.fasterxml.jackson.databind.JsonNode value;
            try {
                value = JSON.readTree(field.getValue());
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                value = com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getValue());
            }
            values.put(field.getKey(), value);
        }
        var object = JSON.createObjectNode();
        values.forEach(object::set);
        try {
            JSON.treeToValue(object, FamilyFields.class);
            JSON.treeToValue(object, FieldTypes.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? fieldPath(mapping) : "a field";
            throw new IllegalArgumentException(field + ": " + e.getOriginalMessage());
        }
        return values;
    }

    /** The types of the /2 fields the manifest record itself holds. */
    private record FieldTypes(Normalization normalization, String channels, List<Integer> keypoints) {
    }

    /**
     * Rewrites a model directory's manifest as handscope-model/2 of {@code kind} with these family
     * fields (from {@link #checkFamilyFields}), through a temporary file.
     */
    public static void writeFamily(Path directory, ModelKind kind,
                                   java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> fields)
            throws IOException {
        Path file = directory.resolve(FILE_NAME);
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(file.toFile());
        object.put("format", FORMAT_2);
        object.put("kind", kind.id());
        fields.forEach(object::set);
        Path partial = directory.resolve(FILE_NAME + ".partial");
        Files.writeString(partial, JSON.writeValueAsString(object) + "\n");
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The family's own fields of a model directory's manifest (all optional; the loader checks them). */
    public static FamilyFields familyFields(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        try {
            return JSON.readValue(file.toFile(), FamilyFields.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String fieldPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("a field");
    }
}
