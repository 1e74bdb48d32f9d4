package dev.handscope.packaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer build refuses jars that carry another platform's native libraries. */
class ForeignNativesTest {

    private static void jar(Path dir, String name, String... entries) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.write(new byte[] {0x7f, 'E', 'L', 'F'});
                out.closeEntry();
            }
        }
    }

    @Test
    void thisPlatformsNativesPassAndOthersAreNamed(@TempDir Path dir) throws Exception {
        assumeTrue(Platform.current() == Platform.LINUX, "the jar names below are the Linux build's");
        jar(dir, "opencv-4.10.0-1.5.11-linux-x86_64.jar", "org/bytedeco/opencv/linux-x86_64/libopencv_core.so.410");
        jar(dir, "javafx-graphics-21.0.9-linux.jar", "libprism_es2.so", "com/sun/prism/Image.class");
        jar(dir, "tensorflow-core-api-1.1.0.jar", "org/tensorflow/Tensor.class");
        assertDoesNotThrow(() -> ForeignNatives.check(dir));

        jar(dir, "opencv-4.10.0-1.5.11-windows-x86_64.jar", "org/bytedeco/opencv/windows-x86_64/opencv_core4100.dll");
        jar(dir, "javafx-graphics-21.0.9-mac-aarch64.jar", "libprism_es2.dylib");
        jar(dir, "sneaky-1.0.jar", "natives/macosx-arm64/libsneaky.so");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ForeignNatives.check(dir));
        String message = refused.getMessage();
        assertTrue(message.contains("opencv-4.10.0-1.5.11-windows-x86_64.jar: built for windows-x86_64"), message);
        assertTrue(message.contains("opencv_core4100.dll is another OS's library"), message);
        assertTrue(message.contains("javafx-graphics-21.0.9-mac-aarch64.jar: JavaFX for mac-aarch64"), message);
        assertTrue(message.contains("sneaky-1.0.jar: natives/macosx-arm64/libsneaky.so is for macosx-arm64"), message);
    }
}
