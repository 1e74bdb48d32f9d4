package dev.handscope.engine.headpose;

import java.util.Optional;

/**
 * The shared input rules of both head pose methods: 468 (or more; the first 468 are used, as
 * MediaPipe does, so 478 with irises is fine) image landmarks as x, y, z triples, x and y
 * normalised to the unmirrored image, z relative depth at the scale of x; an image size in
 * pixels; a horizontal field of view. The camera is MediaPipe's: a pinhole with square pixels,
 * the principal point at the image centre, focal length {@code (width / 2) / tan(hfov / 2)}
 * pixels, no distortion.
 */
final class Screen {
    /** MediaPipe's IsScreenLandmarkListTooCompact threshold (normalised units). */
    static final double TOO_COMPACT = 1e-3;

    private Screen() {
    }

    /** Throws for a wrong shape or camera; these are caller errors, not bad frames. */
    static void checkArguments(float[] landmarks, int width, int height, double horizontalFovDeg) {
        if (landmarks == null || landmarks.length < CanonicalFace.VERTICES * 3 || landmarks.length % 3 != 0) {
            throw new IllegalArgumentException("head pose needs at least " + CanonicalFace.VERTICES
                    + " landmarks as x, y, z triples; got " + (landmarks == null ? "null" : landmarks.length + " floats"));
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (!(horizontalFovDeg > 0 && horizontalFovDeg < 180)) {
            throw new IllegalArgumentException("horizontal field of view must be in (0, 180) degrees, got "
                    + horizontalFovDeg);
        }
    }

    /**
     * Why these landmarks give no pose (a non-finite value, or all of them within 1e-3 of their
     * mean: MediaPipe's too-compact rule), or empty when they are usable.
     */
    static Optional<String> unusable(float[] landmarks) {
        int n = CanonicalFace.VERTICES;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n * 3; i++) {
            if (!Float.isFinite(landmarks[i])) {
                return Optional.of("landmark " + i / 3 + " has a non-finite coordinate");
            }
        }
        for (int i = 0; i < n; i++) {
            mx += landmarks[i * 3];
            my += landmarks[i * 3 + 1];
        }
        mx /= n;
        my /= n;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double dx = landmarks[i * 3] - mx;
            double dy = landmarks[i * 3 + 1] - my;
            max = Math.max(max, dx * dx + dy * dy);
        }
        if (Math.sqrt(max) <= TOO_COMPACT) {
            return Optional.of("the landmarks are too compact (all within " + TOO_COMPACT + " of their mean)");
        }
        return Optional.empty();
    }

    /** Focal length in pixels for the image width and horizontal field of view. */
    static double focalPixels(int width, double horizontalFovDeg) {
        return 0.5 * width / Math.tan(Math.toRadians(horizontalFovDeg) / 2);
    }
}
