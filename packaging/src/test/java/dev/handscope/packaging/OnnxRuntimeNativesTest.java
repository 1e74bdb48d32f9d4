package dev.handscope.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package keeps ONNX Runtime's natives for its own platform only, and everything else in that jar. */
class OnnxRuntimeNativesTest {
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    private static Path jar(Path dir, String name, String... entries) throws Exception {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                if (!entry.endsWith("/")) {
                    out.write(ELF);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> entries(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).sorted().toList();
        }
    }

    @Test
    void keepsThisPlatformsFolderAndTheClasses(@TempDir Path dir) throws Exception {
        Path onnx = jar(dir, "onnxruntime-1.23.2.jar", "ai/onnxruntime/OrtSession.class",
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so", "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib", "ai/onnxruntime/native/win-x64/onnxruntime.dll");
        Path other = jar(dir, "tensorflow-core-api-1.1.0.jar", "org/tensorflow/Tensor.class");
        OnnxRuntimeNatives.trim(dir, Platform.LINUX);
        assertEquals(List.of("ai/onnxruntime/OrtSession.class", "ai/onnxruntime/native/linux-x64/libonnxruntime.so"),
                entries(onnx));
        try (JarFile file = new JarFile(onnx.toFile())) {
            assertArrayEquals(ELF, file.getInputStream(file.getEntry("ai/onnxruntime/native/linux-x64/libonnxruntime.so"))
                    .readAllBytes(), "kept entries are copied whole");
        }
        assertEquals(List.of("org/tensorflow/Tensor.class"), entries(other), "other jars are left alone");
        ForeignNatives.check(dir); // and the trimmed folder passes the package's own check
    }

    @Test
    void aJarWithoutThisPlatformIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path onnx = jar(dir, "onnxruntime-1.23.2.jar", "ai/onnxruntime/OrtSession.class",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> OnnxRuntimeNatives.trim(dir, Platform.LINUX));
        assertTrue(refused.getMessage().contains("no natives under ai/onnxruntime/native/linux-x64/"), refused.getMessage());
        assertEquals(2, entries(onnx).size());
        assertEquals(List.of(onnx), Files.list(dir).toList(), "no temporary file is left");
    }
}
