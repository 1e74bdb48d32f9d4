package dev.handscope.models.catalogue;

import dev.handscope.models.convert.BundledIndex;
import dev.handscope.models.convert.ModelManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The models that ship with HandScope (converted at build time from the bundled MediaPipe weights).
 * On disk during development they are used in place; inside a jar each model directory is copied
 * once into the user's cache, keyed by its source hash, because TensorFlow loads from directories.
 */
public final class ModelCatalogue {
    private static final String BASE = "/dev/handscope/models/bundled/";

    private final List<String> files;
    private final Path inPlace;
    private final Path cache;

    private ModelCatalogue(List<String> files, Path inPlace, Path cache) {
        this.files = files;
        this.inPlace = inPlace;
        this.cache = cache;
    }

    /** The bundled models, cached (when inside a jar) under the user's cache directory. */
    public static ModelCatalogue bundled() {
        return bundled(defaultCacheDirectory());
    }

    static ModelCatalogue bundled(Path cache) {
        URL index = ModelCatalogue.class.getResource(BASE + BundledIndex.FILE_NAME);
        if (index == null) {
            throw new IllegalStateException("the bundled models are missing from the class path "
                    + "(build the project with Maven: the models module converts them)");
        }
        try (InputStream in = index.openStream()) {
            List<String> files = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            Path inPlace = "file".equals(index.getProtocol()) ? Path.of(index.toURI()).getParent() : null;
            return new ModelCatalogue(files, inPlace, cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model index", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of the bundled models (e.g. hand_landmark_full). */
    public List<String> names() {
        return files.stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().sorted().toList();
    }

    public Path palmDetector(ModelVariant variant) throws IOException {
        return model("palm_detection_" + variant.id());
    }

    public Path handLandmarks(ModelVariant variant) throws IOException {
        return model("hand_landmark_" + variant.id());
    }

    /** MediaPipe's short-range face detector (BlazeFace, 128x128). */
    public Path faceDetector() throws IOException {
        return model("face_detection_short_range");
    }

    /** MediaPipe's face mesh landmark model (468 landmarks, 192x192; without attention). */
    public Path faceLandmarks() throws IOException {
        return model("face_landmark");
    }

    /** The SavedModel directory of a bundled model, copying it out of the jar on first use. */
    public Path model(String name) throws IOException {
        if (!names().contains(name)) {
            throw new IOException("no bundled model named '" + name + "'; bundled: " + String.join(", ", names()));
        }
        if (inPlace != null) {
            return inPlace.resolve(name);
        }
        ModelManifest manifest = readManifest(name);
        Path target = cache.resolve(name + "-" + manifest.source().sha256().substring(0, 12)
                + "-" + Integer.toHexString(manifest.converter().hashCode()));
        if (Files.isRegularFile(target.resolve(ModelManifest.FILE_NAME))) {
            return target;
        }
        Files.createDirectories(cache);
        Path staging = Files.createTempDirectory(cache, "." + name + "-");
        try {
            for (String file : files) {
                if (file.startsWith(name + "/")) {
                    Path destination = staging.resolve(file.substring(name.length() + 1));
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = resource(file)) {
                        Files.copy(in, destination);
                    }
                }
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.isRegularFile(target.resolve(ModelManifest.FILE_NAME))) {
                return target; // another HandScope process copied it at the same time
            }
            throw new IOException("cannot copy model " + name + " into " + cache + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
        return target;
    }

    private ModelManifest readManifest(String name) throws IOException {
        Path temp = Files.createTempDirectory("handscope-manifest");
        try (InputStream in = resource(name + "/" + ModelManifest.FILE_NAME)) {
            Files.copy(in, temp.resolve(ModelManifest.FILE_NAME));
            return ModelManifest.read(temp);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = ModelCatalogue.class.getResourceAsStream(BASE + file);
        if (in == null) {
            throw new IOException("bundled model file missing from the jar: " + file);
        }
        return in;
    }

    private static void deleteQuietly(Path path) {
        try (var walk = Files.exists(path) ? Files.walk(path) : java.util.stream.Stream.<Path>empty()) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftovers in a temp or cache folder do no harm
        }
    }

    /** Linux: $XDG_CACHE_HOME or ~/.cache; macOS: ~/Library/Caches; Windows: %LOCALAPPDATA%. */
    static Path defaultCacheDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.startsWith("windows") && System.getenv("LOCALAPPDATA") != null) {
            return Path.of(System.getenv("LOCALAPPDATA"), "HandScope", "models");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Caches", "HandScope", "models");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return Path.of(Objects.requireNonNullElse(xdg == null || xdg.isBlank() ? null : xdg, home + "/.cache"),
                "handscope", "models");
    }
}
