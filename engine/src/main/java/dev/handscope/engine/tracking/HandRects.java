package dev.handscope.engine.tracking;

import dev.handscope.engine.landmarks.RotatedRect;

/**
 * Where to crop a hand: from the hand's landmarks (every frame after the first), with MediaPipe's
 * constants, and the rectangle maths detectors use for their first crop. Pure geometry, in image-normalised rectangles.
 */
public final class HandRects {
    /** Landmarks that outline the palm and finger bases, used to place the next crop. */
    static final int[] PARTIAL = {0, 1, 2, 3, 5, 6, 9, 10, 13, 14, 17, 18};
    private static final double TARGET_ANGLE = Math.PI / 2;

    private HandRects() {
    }

    /**
     * Landmarks -> next frame's crop: rotation from the wrist to the middle of (index and ring MCP
     * midpoint) and the middle MCP; the rotated bounds of the partial landmarks scaled 2.0, shifted
     * up by a tenth, squared.
     */
    public static RotatedRect fromLandmarks(float[] landmarks, int width, int height) {
        double x0 = landmarks[0] * width;
        double y0 = landmarks[1] * height;
        double x1 = ((landmarks[5 * 3] + landmarks[13 * 3]) / 2 + landmarks[9 * 3]) / 2 * width;
        double y1 = ((landmarks[5 * 3 + 1] + landmarks[13 * 3 + 1]) / 2 + landmarks[9 * 3 + 1]) / 2 * height;
        double rotation = rotation(x0, y0, x1, y1);

        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i : PARTIAL) {
            minX = Math.min(minX, landmarks[3 * i] * width);
            maxX = Math.max(maxX, landmarks[3 * i] * width);
            minY = Math.min(minY, landmarks[3 * i + 1] * height);
            maxY = Math.max(maxY, landmarks[3 * i + 1] * height);
        }
        double axisCenterX = (minX + maxX) / 2;
        double axisCenterY = (minY + maxY) / 2;
        // Bounds in the hand's own frame: turn the points back by the rotation around the axis-aligned centre.
        double cos = Math.cos(-rotation);
        double sin = Math.sin(-rotation);
        double pMinX = Double.MAX_VALUE;
        double pMinY = Double.MAX_VALUE;
        double pMaxX = -Double.MAX_VALUE;
        double pMaxY = -Double.MAX_VALUE;
        for (int i : PARTIAL) {
            double dx = landmarks[3 * i] * width - axisCenterX;
            double dy = landmarks[3 * i + 1] * height - axisCenterY;
            double px = dx * cos - dy * sin;
            double py = dx * sin + dy * cos;
            pMinX = Math.min(pMinX, px);
            pMaxX = Math.max(pMaxX, px);
            pMinY = Math.min(pMinY, py);
            pMaxY = Math.max(pMaxY, py);
        }
        double projectedX = (pMinX + pMaxX) / 2;
        double projectedY = (pMinY + pMaxY) / 2;
        double centerX = projectedX * Math.cos(rotation) - projectedY * Math.sin(rotation) + axisCenterX;
        double centerY = projectedX * Math.sin(rotation) + projectedY * Math.cos(rotation) + axisCenterY;
        RotatedRect bounds = new RotatedRect(centerX / width, centerY / height, (pMaxX - pMinX) / width,
                (pMaxY - pMinY) / height, rotation);
        return transform(bounds, width, height, 2.0, 0, -0.1);
    }

    /** MediaPipe's RectTransformation: shift in the rectangle's own frame, square on the long side, scale. */
    public static RotatedRect transform(RotatedRect r, int width, int height, double scale, double shiftX, double shiftY) {
        double cos = Math.cos(r.rotation());
        double sin = Math.sin(r.rotation());
        double xShift = (width * r.width() * shiftX * cos - height * r.height() * shiftY * sin) / width;
        double yShift = (width * r.width() * shiftX * sin + height * r.height() * shiftY * cos) / height;
        double longSide = Math.max(r.width() * width, r.height() * height);
        return new RotatedRect(r.centerX() + xShift, r.centerY() + yShift, longSide / width * scale,
                longSide / height * scale, r.rotation());
    }

    /** The crop rotation that turns the line (x0, y0) -> (x1, y1) upright (image pixels). */
    public static double rotation(double x0, double y0, double x1, double y1) {
        return normalizeRadians(TARGET_ANGLE - Math.atan2(-(y1 - y0), x1 - x0));
    }

    /** An angle in [-pi, pi). */
    public static double normalizeRadians(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }

    /** Overlap of two landmark sets: IoU of their axis-aligned bounding boxes (image-normalised). */
    public static double landmarkOverlap(float[] a, float[] b) {
        double[] boxA = bounds(a);
        double[] boxB = bounds(b);
        double w = Math.min(boxA[2], boxB[2]) - Math.max(boxA[0], boxB[0]);
        double h = Math.min(boxA[3], boxB[3]) - Math.max(boxA[1], boxB[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        double union = (boxA[2] - boxA[0]) * (boxA[3] - boxA[1]) + (boxB[2] - boxB[0]) * (boxB[3] - boxB[1]) - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** Overlap of two crop rectangles: IoU of their axis-aligned bounds (image-normalised). */
    public static double rectOverlap(RotatedRect a, RotatedRect b, int width, int height) {
        return landmarkOverlap(corners(a, width, height), corners(b, width, height));
    }

    /** The two opposite corners of a rotated rectangle's axis-aligned bounds, as x, y, z triples. */
    private static float[] corners(RotatedRect rect, int width, int height) {
        double cos = Math.abs(Math.cos(rect.rotation()));
        double sin = Math.abs(Math.sin(rect.rotation()));
        double halfWidth = (rect.width() * width * cos + rect.height() * height * sin) / 2 / width;
        double halfHeight = (rect.width() * width * sin + rect.height() * height * cos) / 2 / height;
        return new float[] {
            (float) (rect.centerX() - halfWidth), (float) (rect.centerY() - halfHeight), 0,
            (float) (rect.centerX() + halfWidth), (float) (rect.centerY() + halfHeight), 0,
        };
    }

    /** [minX, minY, maxX, maxY] of x, y, z triples. */
    static double[] bounds(float[] points) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < points.length; i += 3) {
            minX = Math.min(minX, points[i]);
            maxX = Math.max(maxX, points[i]);
            minY = Math.min(minY, points[i + 1]);
            maxY = Math.max(maxY, points[i + 1]);
        }
        return new double[] {minX, minY, maxX, maxY};
    }
}
