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
        startOnce(List.of("-Xshare:dump", "-Xlog:cds=off"), List.of(), List.of(), "the runtime's base class archive");
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
        List<String> display = List.of();
        if (platform == Platform.LINUX && System.getenv("DISPLAY") == null) {
            if (!onPath("xvfb-run")) {
                System.out.println("packaging: no display and no xvfb-run: the image starts without HandScope's class archive");
                return;
            }
            display = List.of("xvfb-run", "-a");
        }
        startOnce(List.of("-XX:ArchiveClassesAtExit=$APPDIR/" + ARCHIVE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                        "-Dhandscope.config=" + snapshot.resolveSibling("cds-config").toAbsolutePath()), display,
                List.of("--source", config.getParent().resolve(TRAINING).toString(), "--snapshot",
                        snapshot.toAbsolutePath().toString(), "--snapshot-after", "10"),
                "HandScope's class archive (one start on " + TRAINING + ")");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training start wrote no class archive " + archive);
        }
        writeWithOptions(config, Files.readAllLines(config), List.of("-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE,
                "-Xshare:auto"));
        System.out.printf(Locale.ROOT, "packaging: HandScope's class archive recorded in %.0f s (%d MB)%n",
                (System.nanoTime() - start) / 1e9, Files.size(archive) >> 20);
    }

    /**
     * Starts the image's own launcher once with extra JVM options (written into its configuration
     * for this run only, so the run sees exactly what the installed app starts with).
     *
     * @param prefix what runs the launcher (e.g. xvfb-run), or nothing
     */
    private void startOnce(List<String> jvmOptions, List<String> prefix, List<String> args, String what)
            throws IOException, InterruptedException {
        Path config = platform.config(root);
        List<String> original = Files.readAllLines(config);
        List<String> command = new ArrayList<>(prefix);
        command.add(platform.launcher(root).toString());
        command.addAll(args);
        try {
            writeWithOptions(config, original, jvmOptions);
            exec(command, what);
        } finally {
            Files.write(config, original);
        }
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
