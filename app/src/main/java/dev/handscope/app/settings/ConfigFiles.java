package dev.handscope.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Where HandScope keeps the user's files, and how it writes and retires them safely. */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The platform's config folder for HandScope, or the handscope.config system property. */
    public static Path directory() {
        String override = System.getProperty("handscope.config");
        if (override != null) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.startsWith("windows") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "HandScope");
        } else if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "HandScope");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return Path.of(xdg == null || xdg.isBlank() ? home + "/.config" : xdg, "handscope");
    }

    /** Something that writes a whole file. */
    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }

    /** Writes through a temporary file and a rename: a crash mid-write leaves the previous file intact. */
    public static void writeAtomically(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            writer.write(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Moves a file that could not be used to NAME.broken, so that it is kept for the user but no
     * longer read, and says so in a sentence for the message (empty when it could not be moved).
     */
    public static String moveAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".broken");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return " It was moved to " + aside + ".";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A short reason why {@code file} could not be used, from a JSON or I/O failure: where the JSON
     * breaks (without Jackson's advice to programmers, "enable JsonReadFeature..."), or the file
     * system's reason.
     */
    public static String reason(Exception e, Path file) {
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException eof) {
            return "not valid JSON at " + where(eof) + " (the file ends too early)";
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            String said = json.getOriginalMessage().replaceAll(":?\\s*enable `[^`]*` to allow.*$", "")
                    .replaceAll("\\s*\\n.*$", "");
            return "not valid JSON at " + where(json) + " (" + said + ")";
        }
        return e instanceof IOException io ? FileProblems.reason(io, file) : e.getMessage();
    }

    private static String where(com.fasterxml.jackson.core.JsonProcessingException json) {
        var at = json.getLocation();
        return at == null ? "an unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
