package dev.handscope.models.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * index.txt of the bundled models: every file below the bundle folder, one relative path a line,
 * so that the catalogue can copy a model directory out of a jar (which cannot be listed).
 */
public final class BundledIndex {
    public static final String FILE_NAME = "index.txt";

    private BundledIndex() {
    }

    static void write(Path root) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(FILE_NAME) && !p.contains("/.") && !p.startsWith("."))
                    .sorted().toList();
        }
        Files.write(root.resolve(FILE_NAME), files);
    }
}
