package dev.handscope.engine.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What the user asked to open, parsed from a command-line or settings string: a camera index
 * ("0"), a camera device path ("/dev/video2"), a folder of images, an image or a video file.
 */
public record SourceSpec(SourceKind kind, String text, int cameraIndex, Path path, int width, int height) {

    /** A source without a requested frame size. */
    public SourceSpec(SourceKind kind, String text, int cameraIndex, Path path) {
        this(kind, text, cameraIndex, path, 0, 0);
    }

    /** For cameras: ask for this frame size (the camera may pick the nearest it supports); 0 x 0 for its default. */
    public SourceSpec withSize(int requestedWidth, int requestedHeight) {
        return new SourceSpec(kind, text, cameraIndex, path, requestedWidth, requestedHeight);
    }

    /** Parses "WIDTHxHEIGHT" (e.g. 1280x720); "default" or empty gives 0 x 0. */
    public static int[] parseSize(String text) {
        if (text == null || text.isBlank() || "default".equalsIgnoreCase(text.trim())) {
            return new int[] {0, 0};
        }
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            if (parts.length == 2 && w > 0 && h > 0) {
                return new int[] {w, h};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new IllegalArgumentException("a frame size is WIDTHxHEIGHT, e.g. 1280x720; got '" + text + "'");
    }

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
