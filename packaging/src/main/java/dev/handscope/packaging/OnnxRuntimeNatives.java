package dev.handscope.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * ONNX Runtime publishes one jar with every desktop platform's natives inside
 * ({@code ai/onnxruntime/native/linux-x64/}, {@code osx-aarch64/}, {@code win-x64/}...). The package
 * keeps this platform's folder only, rewriting the copied jar in the package's input folder.
 */
final class OnnxRuntimeNatives {
    static final String NATIVE_ROOT = "ai/onnxruntime/native/";

    private OnnxRuntimeNatives() {
    }

    /** ONNX Runtime's name for a platform's natives folder. */
    static String folder(Platform platform) {
        return switch (platform) {
            case LINUX -> "linux-x64";
            case MAC -> "osx-aarch64";
            case WINDOWS -> "win-x64";
        };
    }

    /** Trims every ONNX Runtime jar in {@code input} to {@code platform}'s natives; prints what went. */
    static void trim(Path input, Platform platform) throws IOException {
        try (Stream<Path> files = Files.list(input)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().matches("onnxruntime-[0-9.]+\\.jar")).toList()) {
                trimJar(jar, NATIVE_ROOT + folder(platform) + "/");
            }
        }
    }

    private static void trimJar(Path jar, String kept) throws IOException {
        Path trimmed = jar.resolveSibling(jar.getFileName() + ".trimmed");
        long keptBytes = 0;
        long droppedBytes = 0;
        int dropped = 0;
        try (JarFile source = new JarFile(jar.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(trimmed))) {
            for (JarEntry entry : source.stream().toList()) {
                String name = entry.getName();
                boolean platformNative = name.startsWith(NATIVE_ROOT) && name.length() > NATIVE_ROOT.length();
                if (platformNative && !name.startsWith(kept)) {
                    dropped++;
                    droppedBytes += Math.max(0, entry.getSize());
                    continue;
                }
                if (platformNative && !entry.isDirectory()) {
                    keptBytes += Math.max(0, entry.getSize());
                }
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(trimmed);
            throw e;
        }
        if (keptBytes == 0) {
            Files.delete(trimmed);
            throw new IllegalStateException(jar + ": no natives under " + kept + ": this ONNX Runtime build does not"
                    + " support the platform");
        }
        Files.move(trimmed, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("packaging: %s: kept %s (%.0f MB), dropped %d entries of other platforms (%.0f MB)%n",
                jar.getFileName(), kept, keptBytes / 1e6, dropped, droppedBytes / 1e6);
    }
}
