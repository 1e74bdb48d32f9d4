package dev.handscope.app.settings;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One of the user's own files (settings.json, gestures.json). A file that cannot be read, or that a
 * newer HandScope wrote, is kept as it is and never written over: the user's data outranks this
 * session's changes. A damaged one is retired by {@link ConfigFiles#moveAside}.
 */
final class UserFile {
    private final Path file;
    private volatile String keptBecause;

    UserFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /**
     * The file's bytes, or null when there is none yet.
     *
     * @throws IOException when it exists but cannot be read; it is then kept and not written over
     */
    byte[] read() throws IOException {
        try {
            return ConfigFiles.readRegularFile(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            keep("it could not be read");
            throw e;
        }
    }

    /** From now on this session leaves the file as it is (saves are refused, saying why). */
    void keep(String why) {
        keptBecause = why;
    }

    /** Writes the whole file atomically, unless it is being kept. */
    void write(ConfigFiles.Writer writer) throws IOException {
        String why = keptBecause;
        if (why != null) {
            throw new IOException(file + " was left as it is because " + why + "; changes are not saved over it."
                    + " Fix or remove it and restart HandScope");
        }
        ConfigFiles.writeAtomically(file, writer);
    }
}
