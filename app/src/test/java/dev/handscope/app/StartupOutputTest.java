package dev.handscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal start through the real ./handscope launcher prints HandScope's own lines only: no
 * TensorFlow native log lines, no JavaFX class-path warning. The launcher runs from a copy of the
 * project root whose app/target holds this build's class path, marked built, so it starts at once.
 */
class StartupOutputTest {
    private static final Path PHOTO = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg").toAbsolutePath();

    @TempDir
    static Path root;

    private record Run(int exit, List<String> out, List<String> err) {
    }

    @BeforeAll
    static void launcherWithThisBuild() throws IOException {
        Path launcher = root.resolve("handscope");
        Files.copy(Path.of("..", "handscope"), launcher);
        assertTrue(launcher.toFile().setExecutable(true));
        Path target = Files.createDirectories(root.resolve("app/target"));
        Path lib = Files.createDirectories(target.resolve("lib"));
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path) && path.endsWith(Path.of("app", "target", "classes"))) {
                jar(path, target.resolve("handscope-app.jar"));
            } else if (Files.isDirectory(path) && !path.endsWith("test-classes")) {
                jar(path, lib.resolve(path.getParent().getParent().getFileName() + ".jar"));
            } else if (entry.endsWith(".jar")) {
                Files.createSymbolicLink(lib.resolve(path.getFileName()), path);
            }
        }
        Files.createFile(target.resolve(".handscope-built"));
    }

    @Test
    void detectOnAPhotoPrintsItsJsonAndHandScopesOwnLines() throws Exception {
        Run run = launch(List.of("./handscope", "detect", "--image", PHOTO.toString()));
        assertEquals(0, run.exit(), String.join("\n", run.err()));
        assertEquals(1, run.out().size(), String.join("\n", run.out()));
        assertTrue(run.out().get(0).startsWith("{\"image\""), run.out().get(0));
        assertOwnLinesOnly(run.err());
    }

    @Test
    void windowSnapshotPrintsHandScopesOwnLines() throws Exception {
        assumeTrue(onPath("xvfb-run"), "needs xvfb-run for a window");
        Path png = root.resolve("window.png");
        Run run = launch(List.of("xvfb-run", "-a", "./handscope", "--no-tracking", "--source", PHOTO.toString(),
                "--snapshot", png.toString(), "--snapshot-after", "3"));
        assertEquals(0, run.exit(), String.join("\n", run.err()));
        assertTrue(Files.size(png) > 0);
        assertTrue(run.out().get(0).startsWith("Snapshot written to "), String.join("\n", run.out()));
        assertOwnLinesOnly(run.err());
    }

    /** HandScope's log lines start "handscope: "; the JavaFX warning came through that format too. */
    private static void assertOwnLinesOnly(List<String> err) {
        List<String> foreign = err.stream()
                .filter(line -> !line.startsWith("handscope: ") || line.contains("Unsupported JavaFX configuration"))
                .toList();
        assertEquals(List.of(), foreign, "stderr:\n" + String.join("\n", err));
    }

    private static Run launch(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().remove("TF_CPP_MIN_LOG_LEVEL"); // the launcher's own default, as a user gets it
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "still running after 180 s");
        return new Run(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** A jar of a classes folder, uncompressed (the models are already compressed). */
    private static void jar(Path classes, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(0);
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }
}
