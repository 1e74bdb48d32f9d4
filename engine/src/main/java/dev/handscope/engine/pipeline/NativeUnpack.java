package dev.handscope.engine.pipeline;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;

/**
 * How far JavaCPP has unpacked TensorFlow's native libraries (~650 MB) into its cache. That
 * happens once, on the first start, and takes seconds: the window shows this progress meanwhile.
 *
 * @param cache         JavaCPP's cache folder
 * @param folder        where the libraries are unpacked to
 * @param resource      the libraries' folder inside the jar
 * @param expectedBytes the libraries' total size in the jar (what JavaCPP unpacks; the licence stays in the jar)
 */
public record NativeUnpack(Path cache, Path folder, String resource, long expectedBytes) {

    /** The TensorFlow natives on the class path (the CPU or the GPU build), or null when not found in a jar. */
    public static NativeUnpack tensorFlow() {
        for (String platform : new String[] {Loader.getPlatform() + "-gpu", Loader.getPlatform()}) {
            String prefix = "org/tensorflow/internal/c_api/" + platform + "/";
            URL url = NativeUnpack.class.getClassLoader().getResource(prefix);
            if (url == null || !"jar".equals(url.getProtocol())) {
                continue;
            }
            try {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                Path jar = Path.of(connection.getJarFileURL().toURI());
                long expected = 0;
                try (JarFile file = new JarFile(jar.toFile())) {
                    expected = file.stream().filter(e -> e.getName().startsWith(prefix)
                            && isLibrary(e.getName()))
                            .mapToLong(java.util.zip.ZipEntry::getSize).sum();
                }
                Path cache = Loader.getCacheDir().toPath();
                return new NativeUnpack(cache, cache.resolve(jar.getFileName().toString()).resolve(prefix), prefix,
                        expected);
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** Bytes unpacked so far. */
    public long unpackedBytes() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> isLibrary(f.getFileName().toString())
                    && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isLibrary(String name) {
        return name.matches(".*\\.(so(\\.\\d+)*|dylib|dll)");
    }

    /** Unpacked so far, 0 to 1. */
    public double progress() {
        return expectedBytes <= 0 ? 1 : Math.min(1, unpackedBytes() / (double) expectedBytes);
    }

    /** Whether the libraries still have to be unpacked (a first start). */
    public boolean pending() {
        return unpackedBytes() < expectedBytes;
    }
}
