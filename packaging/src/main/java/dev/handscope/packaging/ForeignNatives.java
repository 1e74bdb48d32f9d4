package dev.handscope.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Refuses a package with another platform's native libraries: a jar whose classifier names another
 * platform, or a jar entry in another platform's folder or with another OS's library suffix.
 */
final class ForeignNatives {
    private static final List<String> SUFFIXES = List.of(".so", ".dylib", ".jnilib", ".dll");
    private static final List<String> JAVAFX_CLASSIFIERS = List.of("linux", "linux-aarch64", "mac", "mac-aarch64",
            "win", "win-x86");

    private ForeignNatives() {
    }

    /** Checks every jar in the folder; prints what was checked. */
    static void check(Path folder) throws IOException {
        Platform platform = Platform.current();
        List<String> problems = new ArrayList<>();
        int jars = 0;
        int libraries = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars++;
                String name = jar.getFileName().toString();
                for (String other : Platform.ALL_NATIVE_PLATFORMS) {
                    if (!other.equals(platform.nativePlatform()) && (name.contains("-" + other + ".jar")
                            || name.contains("-" + other + "-"))) {
                        problems.add(name + ": built for " + other);
                    }
                }
                if (name.startsWith("javafx-")) {
                    String classifier = javafxClassifier(platform);
                    for (String other : JAVAFX_CLASSIFIERS) {
                        if (!other.equals(classifier) && name.endsWith("-" + other + ".jar")) {
                            problems.add(name + ": JavaFX for " + other);
                        }
                    }
                }
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (var entry : file.stream().filter(e -> !e.isDirectory()).toList()) {
                        String path = "/" + entry.getName();
                        if (isLibrary(path)) {
                            libraries++;
                            boolean own = platform == Platform.LINUX ? path.matches(".*\\.so(\\.\\d+)*$")
                                    : path.endsWith(platform.librarySuffix()) || path.endsWith(".jnilib") && platform == Platform.MAC;
                            if (!own) {
                                problems.add(name + ": " + entry.getName() + " is another OS's library");
                            }
                        }
                        for (String other : Platform.ALL_NATIVE_PLATFORMS) {
                            if (!other.equals(platform.nativePlatform()) && path.contains("/" + other + "/")) {
                                problems.add(name + ": " + entry.getName() + " is for " + other);
                                break;
                            }
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("other platforms' natives in " + folder + ":\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(40, problems.size()))));
        }
        System.out.println("packaging: no other platform's natives: " + jars + " jars, " + libraries + " native libraries, all "
                + platform.nativePlatform());
    }

    private static boolean isLibrary(String path) {
        for (String suffix : SUFFIXES) {
            if (path.endsWith(suffix)) {
                return true;
            }
        }
        return path.matches(".*\\.so(\\.\\d+)+$");
    }

    private static String javafxClassifier(Platform platform) {
        return switch (platform) {
            case LINUX -> "linux";
            case MAC -> "mac-aarch64";
            case WINDOWS -> "win";
        };
    }
}
