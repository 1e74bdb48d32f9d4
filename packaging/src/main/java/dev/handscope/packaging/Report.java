package dev.handscope.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Prints what was built: the image's size and largest parts, the installer and, for a .deb, its contents. */
final class Report {
    private Report() {
    }

    static void print(Path app, Path installers, Platform platform) throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "packaging: app image %s: %s%n", app, megabytes(size(app)));
        Path runtime = platform.runtime(app);
        System.out.printf(Locale.ROOT, "  runtime (jlink) %s%n", megabytes(size(runtime)));
        Path appDir = platform.config(app).getParent();
        List<Path> jars;
        try (Stream<Path> files = Files.list(appDir)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted(Comparator.comparingLong(Report::sizeOf).reversed())
                    .toList();
        }
        System.out.printf(Locale.ROOT, "  %d jars %s; largest:%n", jars.size(),
                megabytes(jars.stream().mapToLong(Report::sizeOf).sum()));
        for (Path jar : jars.subList(0, Math.min(8, jars.size()))) {
            System.out.printf(Locale.ROOT, "    %-52s %s%n", jar.getFileName(), megabytes(sizeOf(jar)));
        }
        try (Stream<Path> files = Files.list(installers)) {
            for (Path installer : files.toList()) {
                System.out.printf(Locale.ROOT, "packaging: installer %s: %s%n", installer, megabytes(sizeOf(installer)));
                if (installer.toString().endsWith(".deb")) {
                    show("dpkg-deb", "--info", installer.toString());
                    Process list = new ProcessBuilder("dpkg-deb", "--contents", installer.toString())
                            .redirectErrorStream(true).start();
                    List<String> lines = new String(list.getInputStream().readAllBytes()).lines().toList();
                    list.waitFor();
                    System.out.println("  " + lines.size() + " entries; desktop entry, icon, launcher and archives:");
                    lines.stream().filter(l -> l.matches(".*(\\.desktop|\\.png|/bin/HandScope|\\.jsa|\\.cfg)$"))
                            .forEach(l -> System.out.println("    " + l.replaceAll("^\\S+\\s+\\S+\\s+", "")));
                }
            }
        }
    }

    private static void show(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        new String(process.getInputStream().readAllBytes()).lines().forEach(l -> System.out.println("  " + l.strip()));
        process.waitFor();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(Report::sizeOf).sum();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
