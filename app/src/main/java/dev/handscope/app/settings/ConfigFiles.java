package dev.handscope.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Where HandScope keeps the user's files, and how it writes and retires them safely. */
public final class ConfigFiles {
    /** Far above any settings or gesture file a person makes (a gesture of 40 poses is ~30 kB). */
    private static final long MAX_USER_FILE_BYTES = 64L << 20;

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
     * Moves a file that could not be used to NAME.broken (NAME.broken-2, -3, ... when earlier ones
     * are there: each damaged copy is kept), so that it is kept for the user but no longer read, and
     * says so in a sentence for the message (empty when it could not be moved).
     */
    public static String moveAside(Path file) {
        for (int copy = 1; copy < 1000; copy++) {
            Path aside = file.resolveSibling(file.getFileName() + ".broken" + (copy == 1 ? "" : "-" + copy));
            try {
                Files.move(file, aside); // never replaces: an existing copy makes it try the next name
                return " It was moved to " + aside + ".";
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // an earlier damaged copy: keep it too
            } catch (IOException e) {
                return "";
            }
        }
        return "";
    }

    /**
     * Reads a whole file, refusing at once what is not a regular file (reading a named pipe would
     * block until something writes to it) and anything larger than a settings or gesture file can be.
     */
    public static byte[] readRegularFile(Path file) throws IOException {
        // One look at the file (NoSuchFileException when it is not there) answers all three questions.
        var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new IOException("it is a folder");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("a named pipe or device, not a regular file");
        }
        if (attributes.size() > MAX_USER_FILE_BYTES) {
            throw new IOException(attributes.size() / (1 << 20) + " MB, too large for this kind of file");
        }
        return Files.readAllBytes(file);
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
