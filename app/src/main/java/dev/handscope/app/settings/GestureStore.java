package dev.handscope.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handscope.engine.gesture.UserGestures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's own gestures as JSON: gestures.json in the config folder, and gesture-set files for
 * export and import. A pose is 63 numbers, the 21 landmarks in the hand's own frame (see
 * {@link UserGestures#normalise}). A damaged gestures.json is moved aside and reported, never fatal.
 */
public final class GestureStore {
    static final String FORMAT = "handscope-gestures";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UserFile file;

    public GestureStore(Path file) {
        this.file = new UserFile(file);
    }

    /** gestures.json in the platform's config folder (or under the handscope.config property). */
    public static GestureStore standard() {
        return new GestureStore(ConfigFiles.directory().resolve("gestures.json"));
    }

    public Path file() {
        return file.path();
    }

    /**
     * Loads the saved gestures into {@code gestures} (replacing what it holds).
     *
     * @return why the file was not used, or null (also when there is none yet)
     */
    public String load(UserGestures gestures) {
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (IOException e) {
            return file.path() + " cannot be read (" + ConfigFiles.reason(e, file.path())
                    + "); starting with no gestures of your own. The file was left as it is and gestures you record"
                    + " now are not saved over it.";
        }
        if (bytes == null) {
            return null;
        }
        try {
            GestureSet set = parse(bytes);
            gestures.clear();
            set.into(gestures);
            return null;
        } catch (NewerVersionException e) {
            file.keep("a newer HandScope wrote it");
            return file.path() + " was written by a newer HandScope (version " + e.version + "; this one reads "
                    + VERSION + "). It was left as it is; gestures you record now are kept for this session only.";
        } catch (IOException | IllegalArgumentException e) {
            return file.path() + " could not be used (" + ConfigFiles.reason(e, file.path())
                    + "); starting with no gestures of your own." + ConfigFiles.moveAside(file.path());
        }
    }

    public synchronized void save(UserGestures gestures) throws IOException {
        file.write(partial -> writeSet(gestures, partial));
    }

    /** A gesture set of a later format version than this HandScope reads. */
    static final class NewerVersionException extends IllegalArgumentException {
        private final int version;

        NewerVersionException(int version) {
            super("this gesture set is version " + version + ", from a newer HandScope; this one reads version "
                    + VERSION + ". Update HandScope to use it");
            this.version = version;
        }
    }

    /** A gesture set read from a file. */
    public record GestureSet(Map<String, List<float[]>> poses, double threshold) {
        /** Adds these gestures (replacing same-named ones) and this threshold. */
        public void into(UserGestures gestures) {
            poses.forEach(gestures::put);
            gestures.setThreshold(threshold);
        }
    }

    /** Writes every gesture and the threshold to a gesture-set file (atomically). */
    public static void write(UserGestures gestures, Path target) throws IOException {
        ConfigFiles.writeAtomically(target, partial -> writeSet(gestures, partial));
    }

    private static void writeSet(UserGestures gestures, Path target) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("threshold", gestures.threshold());
        ArrayNode list = root.putArray("gestures");
        for (Map.Entry<String, List<float[]>> gesture : gestures.samples().entrySet()) {
            ObjectNode entry = list.addObject();
            entry.put("name", gesture.getKey());
            ArrayNode poses = entry.putArray("poses");
            for (float[] pose : gesture.getValue()) {
                ArrayNode numbers = poses.addArray();
                for (float value : pose) {
                    numbers.add(value);
                }
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), root);
    }

    /**
     * Reads a gesture-set file, checking all of it first.
     *
     * @throws IllegalArgumentException naming the part of the file that is wrong
     */
    public static GestureSet read(Path source) throws IOException {
        return parse(ConfigFiles.readRegularFile(source));
    }

    private static GestureSet parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a HandScope gesture set (\"format\": \"" + FORMAT + "\" missing)");
        }
        JsonNode version = root.path("version");
        if (version.isInt() && version.asInt() > VERSION) {
            throw new NewerVersionException(version.asInt());
        }
        if (!version.isInt() || version.asInt() != VERSION) {
            throw new IllegalArgumentException("gesture set version " + version + ", this HandScope reads " + VERSION);
        }
        double threshold = root.path("threshold").asDouble(UserGestures.DEFAULT_THRESHOLD);
        if (!(threshold > 0 && threshold <= 2)) {
            throw new IllegalArgumentException("threshold " + threshold + " is outside (0, 2]");
        }
        JsonNode list = root.path("gestures");
        if (!list.isArray()) {
            throw new IllegalArgumentException("\"gestures\" is not a list");
        }
        Map<String, List<float[]>> poses = new LinkedHashMap<>();
        for (int g = 0; g < list.size(); g++) {
            JsonNode entry = list.get(g);
            String name = entry.path("name").asText("");
            if (!UserGestures.isValidName(name)) {
                throw new IllegalArgumentException("gestures[" + g + "] has the name '" + name
                        + "'; names are 1 to 40 of a-z, 0-9 and _");
            }
            JsonNode saved = entry.path("poses");
            if (!saved.isArray() || saved.isEmpty()) {
                throw new IllegalArgumentException("gesture '" + name + "' has no poses");
            }
            List<float[]> read = new ArrayList<>();
            for (int p = 0; p < saved.size(); p++) {
                read.add(pose(saved.get(p), "gesture '" + name + "' pose " + p));
            }
            poses.put(name, read);
        }
        return new GestureSet(poses, threshold);
    }

    private static float[] pose(JsonNode numbers, String where) {
        if (!numbers.isArray() || numbers.size() != 63) {
            throw new IllegalArgumentException(where + " has " + (numbers.isArray() ? numbers.size() : 0)
                    + " numbers; a pose is 63 (21 landmarks x 3)");
        }
        float[] pose = new float[63];
        for (int i = 0; i < 63; i++) {
            JsonNode value = numbers.get(i);
            if (!value.isNumber() || !Double.isFinite(value.asDouble()) || Math.abs(value.asDouble()) > 100) {
                throw new IllegalArgumentException(where + " number " + i + " is " + value + ", not a coordinate");
            }
            pose[i] = (float) value.asDouble();
        }
        return pose;
    }
}
