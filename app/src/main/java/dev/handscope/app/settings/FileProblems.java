package dev.handscope.app.settings;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a file could not be read or written, in a few plain words for a message that already names
 * the file ("cannot write F: " + reason): the operating system's reason, never the exception's class.
 */
public final class FileProblems {
    private FileProblems() {
    }

    /** The reason {@code e} gives for {@code file}: "the folder P does not exist", "permission denied", ... */
    public static String reason(IOException e, Path file) {
        String os = osReason(e);
        if (e instanceof NotDirectoryException || os.contains("Not a directory")) {
            Path blocking = fileAmongParents(file);
            return blocking == null ? "a part of the path is a file, not a folder" : blocking + " is a file, not a folder";
        }
        if (e instanceof FileAlreadyExistsException exists && Files.isRegularFile(Path.of(exists.getFile()))) {
            return exists.getFile() + " is a file, not a folder"; // from creating a folder where a file is
        }
        if (e instanceof NoSuchFileException || os.contains("No such file or directory")) {
            Path parent = file.toAbsolutePath().getParent();
            return parent != null && !Files.isDirectory(parent) ? "the folder " + file.getParent() + " does not exist"
                    : "no such file";
        }
        if (os.contains("Read-only file system")) {
            return "the file system is read-only";
        }
        if (e instanceof AccessDeniedException || os.contains("Permission denied")) {
            return "permission denied";
        }
        if (os.contains("Is a directory")) {
            return "it is a folder";
        }
        if (os.contains("No space left on device")) {
            return "no space left on device";
        }
        if (os.contains("Disk quota exceeded")) {
            return "disk quota exceeded";
        }
        return os.isBlank() ? e.getClass().getSimpleName() : os;
    }

    /** The operating system's words: FileSystemException keeps them apart, java.io puts them in parentheses. */
    private static String osReason(IOException e) {
        if (e instanceof FileSystemException fs) {
            return fs.getReason() == null ? "" : fs.getReason();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof FileNotFoundException && message.endsWith(")") && message.contains(" (")) {
            return message.substring(message.lastIndexOf(" (") + 2, message.length() - 1);
        }
        return message;
    }

    /** The nearest regular file among the path's parents ("report.txt" in report.txt/out.png), or null. */
    private static Path fileAmongParents(Path file) {
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return file.isAbsolute() ? p : Path.of("").toAbsolutePath().relativize(p);
            }
        }
        return null;
    }
}
