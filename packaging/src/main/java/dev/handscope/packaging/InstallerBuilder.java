package dev.handscope.packaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds HandScope's self-contained app image and the current OS's installer with the JDK's own
 * tools: jdeps finds the Java modules the jars need, jpackage (through jlink) builds a trimmed
 * runtime and the image, the runtime's class-data archive is recorded, jpackage wraps the image into
 * a .deb, .dmg or .msi, and HandScope's own class archive is recorded for the image by starting it
 * once on a training picture (faster later starts; an installed .deb records its own).
 * Finally it checks that no other platform's native libraries got in and prints sizes and contents.
 *
 * <p>Arguments: INPUT_DIR (the app jar and every runtime jar) MAIN_JAR VERSION PACKAGING_DIR (icons/,
 * resources/) OUT_DIR TRAINING_IMAGE.
 */
public final class InstallerBuilder {
    static final String NAME = "HandScope";
    static final String MAIN_CLASS = "dev.handscope.app.Main";
    /**
     * The window's heap, as the launcher scripts set it: capped, and handed back to the system after
     * each marking cycle (at most 30% free), so that a long session's memory stays flat instead of
     * growing with G1's default sizing (README, "Memory").
     */
    private static final List<String> HEAP_OPTIONS = List.of("-Xmx2g", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30");

    private final Path input;
    private final String mainJar;
    private final String version;
    private final Path icons;
    private final Path resources;
    private final Path out;
    private final Path training;
    private final Platform platform = Platform.current();

    InstallerBuilder(Path input, String mainJar, String version, Path packaging, Path out, Path training) {
        this.input = input;
        this.mainJar = mainJar;
        this.version = version;
        this.icons = packaging.resolve("icons");
        this.resources = packaging.resolve("resources");
        this.out = out;
        this.training = training;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: InstallerBuilder INPUT_DIR MAIN_JAR VERSION PACKAGING_DIR OUT_DIR TRAINING_IMAGE");
        }
        new InstallerBuilder(Path.of(args[0]), args[1], args[2], Path.of(args[3]), Path.of(args[4]), Path.of(args[5]))
                .build();
    }

    void build() throws IOException, InterruptedException {
        long started = System.nanoTime();
        OnnxRuntimeNatives.trim(input, platform); // its one jar carries every platform's natives
        ForeignNatives.check(input); // before spending minutes on a package that would be wrong
        String modules = requiredModules();
        System.out.println("packaging: Java modules for the runtime: " + modules);
        Path images = out.resolve("image");
        Path installers = out.resolve("installer");
        deleteTree(images);
        deleteTree(installers);
        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--dest", images.toString(),
                "--input", input.toString(), "--main-jar", mainJar, "--main-class", MAIN_CLASS,
                "--add-modules", modules,
                "--jlink-options", "--strip-debug --no-man-pages --no-header-files --strip-native-commands"));
        image.addAll(common());
        HEAP_OPTIONS.forEach(option -> image.addAll(List.of("--java-options", option)));
        image.addAll(platform.imageOptions());
        Files.copy(training, input.resolve(AppImage.TRAINING), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run("jpackage", image);
        Path app = platform.imageRoot(images);
        AppImage appImage = new AppImage(app, platform);
        appImage.recordBaseArchive();
        List<String> installer = new ArrayList<>(List.of("--type", platform.installerType(), "--dest",
                installers.toString(), "--app-image", app.toString()));
        installer.addAll(common());
        installer.addAll(platform.installerOptions(resources));
        run("jpackage", installer);
        // After the installer: this archive is bound to the image's own path.
        appImage.recordAppArchive(out.resolve("cds-training-snapshot.png"));
        Report.print(app, installers, platform);
        System.out.printf(Locale.ROOT, "packaging: done in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private List<String> common() {
        return List.of("--name", NAME, "--app-version", version, "--vendor", "HandScope",
                "--description", "Real-time hand tracking: 2D skeletons, 3D hand meshes, latency and gestures",
                "--icon", icons.resolve(platform.iconFile()).toString());
    }

    /**
     * The JDK modules in the trimmed runtime. A fixed list: jdeps cannot resolve this class path
     * (TensorFlow's native jar is a named module that requires protobuf as a module), and JavaCPP
     * and JavaFX reach several of these only by reflection or from native code. The packaged app's
     * start on a picture (the class archive recording, and the CI check) proves the list.
     */
    private static String requiredModules() {
        return String.join(",", List.of("java.base", "java.desktop", "java.logging", "java.management", "java.naming",
                "java.net.http", "java.scripting", "java.sql", "java.xml", "jdk.unsupported", "jdk.crypto.ec", "jdk.zipfs"));
    }

    /** Runs a JDK tool in this JVM; its output is returned and also shown. */
    static String run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                tool + " is not in this JDK (" + System.getProperty("java.home") + "): packaging needs a full JDK 17+"));
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text, true);
        System.out.println("packaging: " + tool + " " + String.join(" ", args));
        int exit = provider.run(writer, writer, args.toArray(String[]::new));
        System.out.print(text);
        if (exit != 0) {
            throw new IllegalStateException(tool + " failed (exit " + exit + "):\n" + text);
        }
        return text.toString();
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
