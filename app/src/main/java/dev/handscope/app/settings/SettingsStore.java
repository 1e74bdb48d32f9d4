package dev.handscope.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Settings in the user's config directory (settings.json). A damaged file never stops the app: it
 * is moved aside (settings.json.broken), reported, and defaults are used.
 */
public final class SettingsStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final UserFile file;

    /**
     * What loading found.
     *
     * @param problem why the file was not used (null when it was, or when there was none yet)
     */
    public record Loaded(Settings settings, String problem) {
    }

    public SettingsStore(Path file) {
        this.file = new UserFile(file);
    }

    /** settings.json in the platform's config directory (or under the handscope.config property). */
    public static SettingsStore standard() {
        return new SettingsStore(ConfigFiles.directory().resolve("settings.json"));
    }

    public Path file() {
        return file.path();
    }

    public Loaded load() {
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (IOException e) {
            return new Loaded(Settings.defaults(), file.path() + " cannot be read (" + ConfigFiles.reason(e, file.path())
                    + "); defaults are in effect. The file was left as it is and this session's changes are not saved"
                    + " over it.");
        }
        if (bytes == null) {
            return new Loaded(Settings.defaults(), null);
        }
        try {
            // Fields the file lacks (older versions, hand edits) keep their defaults.
            com.fasterxml.jackson.databind.node.ObjectNode merged = JSON.valueToTree(Settings.defaults());
            com.fasterxml.jackson.databind.JsonNode saved = JSON.readTree(bytes);
            if (saved == null || !saved.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) saved);
            Settings settings = JSON.treeToValue(merged, Settings.class).validated();
            return new Loaded(settings, null);
        } catch (IOException | IllegalArgumentException e) {
            return new Loaded(Settings.defaults(), file.path() + " could not be used (" + ConfigFiles.reason(e, file.path())
                    + "); defaults are in effect." + ConfigFiles.moveAside(file.path()));
        }
    }

    /** Writes atomically: a crash mid-write leaves the previous file intact. */
    public synchronized void save(Settings settings) throws IOException {
        file.write(partial -> JSON.writeValue(partial.toFile(), settings));
    }
}
