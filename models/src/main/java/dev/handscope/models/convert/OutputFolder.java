package dev.handscope.models.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folder a conversion writes: it may be new, empty or a HandScope SavedModel (which is replaced
 * as a whole); anything else is refused, so that a conversion never deletes the user's files.
 */
final class OutputFolder {
    /** What a HandScope SavedModel folder may hold; anything else belongs to someone else. */
    private static final Set<String> SAVED_MODEL_ENTRIES =
            Set.of(ModelManifest.FILE_NAME, "saved_model.pb", "fingerprint.pb", "variables", "assets", TfliteConverter.ONNX_FILE);
    private static final String WHAT_TO_DO = " Choose a new or empty folder.";
    private static final int NAMES_SHOWN = 3;

    private OutputFolder() {
    }

    static void requireReplaceable(Path output, Path input) throws IOException {
        requireReplaceable(output, input, Path.of("").toAbsolutePath());
    }

    /** Throws, naming the folder and why, unless {@code output} may be replaced by a conversion of {@code input}. */
    static void requireReplaceable(Path output, Path input, Path currentDirectory) throws IOException {
        Path absolute = output.toAbsolutePath().normalize();
        if (absolute.getParent() == null || absolute.equals(currentDirectory.toAbsolutePath().normalize())) {
            throw refused(output, "is the current folder (or the root); converting into it would replace "
                    + "everything in it, the input model included.");
        }
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(output)) {
            throw refused(output, "is a symbolic link; it is left as it is.");
        }
        if (!Files.isDirectory(output)) {
            throw refused(output, "is a file, not a folder; it is left as it is.");
        }
        if (input.toRealPath().startsWith(output.toRealPath())) {
            throw refused(output, "holds the input model " + input.getFileName()
                    + "; converting into it would delete it.");
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(output)) {
            entries = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> foreign = entries.stream().filter(e -> !SAVED_MODEL_ENTRIES.contains(e)).toList();
        if (entries.isEmpty() || (foreign.isEmpty() && isHandScopeSavedModel(output))) {
            return;
        }
        throw refused(output, "is not empty and is not a HandScope SavedModel (it holds "
                + describe(foreign.isEmpty() ? entries : foreign) + "); converting would delete "
                + (foreign.isEmpty() ? "them." : "the files that are not part of a HandScope SavedModel."));
    }

    /**
     * Moves the complete {@code staging} folder to {@code output}, replacing what is there: the old
     * folder is moved aside first and put back if the move fails, so nothing of it is lost.
     */
    static void moveIntoPlace(Path staging, Path output) throws IOException {
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path aside = output.toAbsolutePath().resolveSibling("." + output.getFileName() + "-replaced-" + UUID.randomUUID());
        Files.move(output, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(aside, output, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        TfliteConverter.deleteRecursively(aside);
    }

    private static boolean isHandScopeSavedModel(Path folder) {
        if (!Files.isRegularFile(folder.resolve("saved_model.pb"))) {
            return false;
        }
        try {
            String converter = ModelManifest.read(folder).converter();
            return converter != null && converter.startsWith(TfliteConverter.NAME + "/");
        } catch (IOException e) {
            return false; // not our manifest
        }
    }

    private static String describe(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }

    private static OutputFolderException refused(Path output, String why) {
        return new OutputFolderException(output + ": " + why + WHAT_TO_DO);
    }
}
