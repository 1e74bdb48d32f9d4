package dev.handscope.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Settings in the user's config directory (settings.json). A damaged file never stops the app: it
 * is moved aside (settings.json.broken), reported, and defaults are used.
 */
public final class SettingsStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    /**
     * What loading found.
     *
     * @param problem why the file was not used (null when it was, or when there was none yet)
     */
    public record Loaded(Settings settings, String problem) {
    }

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** settings.json in the platform's config directory (or under the handscope.config property). */
    public static SettingsStore standard() {
        String override = System.getProperty("handscope.config");
        if (override != null) {
            return new SettingsStore(Path.of(override, "settings.json"));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        Path dir;
        if (os.startsWith("windows") && System.getenv("APPDATA") != null) {
            dir = Path.of(System.getenv("APPDATA"), "HandScope");
        } else if (os.startsWith("mac")) {
            dir = Path.of(home, "Library", "Application Support", "HandScope");
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            dir = Path.of(xdg == null || xdg.isBlank() ? home + "/.config" : xdg, "handscope");
        }
        return new SettingsStore(dir.resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Settings.defaults(), null);
        }
        try {
            // Fields the file lacks (older versions, hand edits) keep their defaults.
            com.fasterxml.jackson.databind.node.ObjectNode merged = JSON.valueToTree(Settings.defaults());
            com.fasterxml.jackson.databind.JsonNode saved = JSON.readTree(file.toFile());
            if (saved == null || !saved.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) saved);
            Settings settings = JSON.treeToValue(merged, Settings.class).validated();
            return new Loaded(settings, null);
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof com.fasterxml.jackson.core.JacksonException json ? json.getOriginalMessage()
                    : e.getMessage();
            Path aside = file.resolveSibling(file.getFileName() + ".broken");
            String moved;
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                moved = " It was moved to " + aside + ".";
            } catch (IOException moveError) {
                moved = "";
            }
            return new Loaded(Settings.defaults(), file + " could not be used (" + reason + "); defaults are in effect."
                    + moved);
        }
    }

    /** Writes atomically: a crash mid-write leaves the previous file intact. */
    public synchronized void save(Settings settings) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "settings", ".part");
        try {
            JSON.writeValue(partial.toFile(), settings);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
