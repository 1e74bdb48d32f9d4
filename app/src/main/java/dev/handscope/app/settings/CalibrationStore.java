package dev.handscope.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handscope.engine.calibration.CameraCalibration;
import dev.handscope.engine.capture.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Camera calibrations, one JSON file per camera in the config folder's {@code cameras/} folder
 * ({@code NAME.json}): {@code {"format":"handscope-camera","version":1,"camera","width","height",
 * "fx","fy","cx","cy","distortion":[k1,k2,p1,p2,k3],"rmsPx","views","coverage"}} (pixels).
 */
public final class CalibrationStore {
    static final String FORMAT = "handscope-camera";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    public CalibrationStore(Path folder) {
        this.folder = folder;
    }

    /** The cameras/ folder in the platform's config folder (or under the handscope.config property). */
    public static CalibrationStore standard() {
        return new CalibrationStore(ConfigFiles.directory().resolve("cameras"));
    }

    /** Letters, digits, dot, dash, underscore; what a camera may be called (it names a file). */
    public static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The name a source's calibration is saved under by default: camera-INDEX, or the file's name. */
    public static String defaultName(SourceSpec source) {
        if (source.path() == null) {
            return "camera-" + source.cameraIndex();
        }
        String file = source.path().getFileName().toString();
        int dot = file.lastIndexOf('.');
        return (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public Path file(String camera) {
        if (!isName(camera)) {
            throw new IllegalArgumentException("a camera name is letters, digits, '.', '-' or '_' (up to 64), got '"
                    + camera + "'");
        }
        return folder.resolve(camera + ".json");
    }

    /** Writes the calibration (atomically: a crash keeps the previous one). */
    public Path save(String camera, CameraCalibration calibration, double coverage) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT).put("version", 1).put("camera", camera);
        node.put("width", calibration.width()).put("height", calibration.height());
        node.put("fx", calibration.fx()).put("fy", calibration.fy()).put("cx", calibration.cx())
                .put("cy", calibration.cy());
        var distortion = node.putArray("distortion");
        for (double d : calibration.distortion()) {
            distortion.add(d);
        }
        node.put("rmsPx", calibration.rmsPx()).put("views", calibration.views()).put("coverage", coverage);
        Path file = file(camera);
        ConfigFiles.writeAtomically(file, partial -> JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(),
                node));
        return file;
    }

    /**
     * The saved calibration of a camera, empty when it has none.
     *
     * @throws IOException when the file is there but unreadable or not a calibration (the message says which)
     */
    public Optional<CameraCalibration> load(String camera) throws IOException {
        Path file = file(camera);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode node = JSON.readTree(ConfigFiles.readRegularFile(file));
        JsonNode distortion = node.path("distortion");
        if (!FORMAT.equals(node.path("format").asText()) || !distortion.isArray() || distortion.size() != 5
                || !node.path("fx").isNumber() || !node.path("width").isInt()) {
            throw new IOException(file + " is not a HandScope camera calibration; calibrate again ('handscope"
                    + " calibrate') or remove it");
        }
        double[] coefficients = new double[5];
        for (int i = 0; i < 5; i++) {
            coefficients[i] = distortion.get(i).asDouble();
        }
        return Optional.of(new CameraCalibration(node.get("width").asInt(), node.path("height").asInt(),
                node.get("fx").asDouble(), node.path("fy").asDouble(), node.path("cx").asDouble(),
                node.path("cy").asDouble(), coefficients, node.path("rmsPx").asDouble(), node.path("views").asInt()));
    }
}
