package dev.handscope.app.cli;

import dev.handscope.app.settings.FileProblems;
import dev.handscope.app.setup.WindowOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where commands write, checked before any work is done or any file is claimed: a folder that
 * cannot be created or written is reported first, not after minutes of tracking.
 */
final class OutputTargets {
    private OutputTargets() {
    }

    /** --out DIR of mesh: created if needed, and writable. */
    static void requireFolder(Path folder) {
        if (Files.isRegularFile(folder)) {
            throw new UserError(UserError.FAILED, "cannot write into " + folder + ": it is a file, not a folder");
        }
        try {
            probe(folder);
        } catch (IOException e) {
            throw new UserError(UserError.FAILED, "cannot write into " + folder + ": " + FileProblems.reason(e, folder));
        }
    }

    /** --snapshot OUT.png: its folder created if needed (as the PNG writer would) and writable; exit code 4 if not. */
    static void requireSnapshot(Path snapshot) {
        String problem = null;
        if (Files.isDirectory(snapshot)) {
            problem = "it is a folder";
        } else {
            try {
                probe(snapshot.getParent() != null ? snapshot.getParent() : snapshot.toAbsolutePath().getParent());
            } catch (IOException e) {
                problem = FileProblems.reason(e, snapshot);
            }
        }
        if (problem != null) {
            throw new UserError(WindowOptions.SNAPSHOT_WRITE_FAILED, "cannot write the snapshot " + snapshot + ": " + problem);
        }
    }

    /** "cannot write FILE: reason" for a failure while writing {@code file}. */
    static UserError cannotWrite(Path file, IOException e, String progress) {
        return new UserError(UserError.FAILED, "cannot write " + file + ": " + FileProblems.reason(e, file) + progress, e);
    }

    /** Creates the folder and a file in it (then removes it): permission bits alone do not tell (ACLs, read-only mounts). */
    private static void probe(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.delete(Files.createTempFile(folder, ".handscope-", ".probe"));
    }
}
