package dev.handscope.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The app image jpackage made, and its class-data-sharing archives. */
final class AppImage {
    static final String ARCHIVE = "handscope.jsa";
    /** A picture with hands that training starts show; it travels in the image beside the jars. */
    static final String TRAINING = "cds-training.png";

    private final Path root;
    private final Platform platform;

    AppImage(Path root, Platform platform) {
        this.root = root;
        this.platform = platform;
    }

    /**
     * The runtime's base class-data archive (the JDK's own classes). jlink leaves it out; it does
     * not depend on where the app is installed, so it ships in the package.
     */
    void recordBaseArchive() throws IOException, InterruptedException {
        Path config = platform.config(root);
        List<String> original = Files.readAllLines(config);
        try {
            writeWithOptions(config, original, List.of("-Xshare:dump", "-Xlog:cds=off"));
            exec(List.of(platform.launcher(root).toString()), "the runtime's base class archive");
        } finally {
            Files.write(config, original);
        }
    }

    /**
     * Records HandScope's own classes: one start of the image on the training picture with the
     * window and tracking (under Xvfb when there is no display). Java 17 binds such an archive to
     * the path it was made at, so this serves the image where it is; an installed package records
     * its own after installation (see the Linux postinst). Skipped, with the reason, when the
     * image cannot show a window here.
     */
    void recordAppArchive(Path snapshot) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path config = platform.config(root);
        Path archive = config.getParent().resolve(ARCHIVE);
        List<String> command = new ArrayList<>();
        if (platform == Platform.LINUX && System.getenv("DISPLAY") == null) {
            if (!onPath("xvfb-run")) {
                System.out.println("packaging: no display and no xvfb-run: the image starts without HandScope's class archive");
                return;
            }
            command.addAll(List.of("xvfb-run", "-a"));
        }
        List<String> original = Files.readAllLines(config);
        try {
            writeWithOptions(config, original, List.of("-XX:ArchiveClassesAtExit=$APPDIR/" + ARCHIVE, "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off", "-Dhandscope.config=" + snapshot.resolveSibling("cds-config").toAbsolutePath()));
            command.addAll(List.of(platform.launcher(root).toString(), "--source",
                    config.getParent().resolve(TRAINING).toString(), "--snapshot", snapshot.toAbsolutePath().toString(),
                    "--snapshot-after", "10"));
            exec(command, "HandScope's class archive (one start on " + TRAINING + ")");
        } finally {
            Files.write(config, original);
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training start wrote no class archive " + archive);
        }
        writeWithOptions(config, original, List.of("-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE, "-Xshare:auto"));
        System.out.printf(Locale.ROOT, "packaging: HandScope's class archive recorded in %.0f s (%d MB)%n",
                (System.nanoTime() - start) / 1e9, Files.size(archive) >> 20);
    }

    /** The launcher configuration with extra JVM options at the start of its [JavaOptions]. */
    private static void writeWithOptions(Path config, List<String> original, List<String> options) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean added = false;
        for (String line : original) {
            lines.add(line);
            if (line.strip().equals("[JavaOptions]")) {
                options.forEach(option -> lines.add("java-options=" + option));
                added = true;
            }
        }
        if (!added) {
            lines.add("[JavaOptions]");
            options.forEach(option -> lines.add("java-options=" + option));
        }
        Files.write(config, lines);
    }

    private static void exec(List<String> command, String what) throws IOException, InterruptedException {
        System.out.println("packaging: recording " + what);
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("recording " + what + " failed (exit " + exit + "): "
                    + String.join(" ", command));
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
