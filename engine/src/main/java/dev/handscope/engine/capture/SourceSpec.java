package dev.handscope.engine.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What the user asked to open, parsed from a command-line or settings string: a camera index
 * ("0"), a camera device path ("/dev/video2"), a folder of images, an image or a video file.
 */
public record SourceSpec(SourceKind kind, String text, int cameraIndex, Path path) {

    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff");

    /** The default webcam. */
    public static SourceSpec defaultCamera() {
        return camera(0);
    }

    public static SourceSpec camera(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("camera index must be 0 or more, got " + index);
        }
        return new SourceSpec(SourceKind.CAMERA, Integer.toString(index), index, null);
    }

    public static SourceSpec parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty source: give a camera index, a camera device or a file");
        }
        if (trimmed.chars().allMatch(Character::isDigit) && trimmed.length() <= 3) {
            return camera(Integer.parseInt(trimmed));
        }
        if (trimmed.startsWith("/dev/video")) {
            return new SourceSpec(SourceKind.CAMERA, trimmed, -1, Path.of(trimmed));
        }
        Path path = Path.of(trimmed);
        if (Files.isDirectory(path)) {
            return new SourceSpec(SourceKind.IMAGE_FOLDER, trimmed, -1, path);
        }
        return new SourceSpec(isImage(path) ? SourceKind.IMAGE : SourceKind.VIDEO_FILE, trimmed, -1, path);
    }

    static boolean isImage(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    public boolean isCamera() {
        return kind == SourceKind.CAMERA;
    }

    @Override
    public String toString() {
        return isCamera() ? (path == null ? "camera " + cameraIndex : "camera " + path) : path.toString();
    }
}
