package dev.handscope.engine.eval;

import java.util.Arrays;
import java.util.List;

/** Small synthetic hands for the metric tests: joints on a grid inside a 100 x 100 px box. */
final class Fixtures {
    static final int JOINTS = 21;

    private Fixtures() {
    }

    /** Joint j at (10 + 4j, 20 + 3j) px: distinct points inside the box (0, 0, 100, 100). */
    static float[] keypoints() {
        float[] k = new float[2 * JOINTS];
        for (int j = 0; j < JOINTS; j++) {
            k[2 * j] = 10 + 4 * j;
            k[2 * j + 1] = 20 + 3 * j;
        }
        return k;
    }

    /** 21 non-coplanar points in millimetres. */
    static float[] joints3d() {
        float[] p = new float[3 * JOINTS];
        for (int j = 0; j < JOINTS; j++) {
            p[3 * j] = 10 * (j % 5) - 20;
            p[3 * j + 1] = 15 * (j / 5) - 30;
            p[3 * j + 2] = (j * j) % 7 * 4;
        }
        return p;
    }

    static boolean[] allLabelled() {
        boolean[] labelled = new boolean[JOINTS];
        Arrays.fill(labelled, true);
        return labelled;
    }

    static LabelledHand label(long id, float[] keypoints, HandSide side) {
        return new LabelledHand(id, new double[] {0, 0, 100, 100}, keypoints, allLabelled(), null, side);
    }

    static LabelledHand label(long id) {
        return label(id, keypoints(), null);
    }

    static LabelledHand label3d(long id, float[] jointCam) {
        return new LabelledHand(id, new double[] {0, 0, 100, 100}, keypoints(), allLabelled(), jointCam, null);
    }

    /** A prediction with every keypoint of {@code keypoints} moved by (dx, dy). */
    static HandPrediction shifted(float[] keypoints, float dx, float dy, HandSide side) {
        float[] k = keypoints.clone();
        for (int j = 0; j < JOINTS; j++) {
            k[2 * j] += dx;
            k[2 * j + 1] += dy;
        }
        return new HandPrediction(k, null, side, 1);
    }

    static HandPrediction shifted(float dx, float dy) {
        return shifted(keypoints(), dx, dy, null);
    }

    static LabelledImage image(long id, LabelledHand... hands) {
        return new LabelledImage(id, "image" + id + ".png", 640, 480, null, List.of(hands));
    }

    /** Points turned by {@code angle} about the unit axis (ax, ay, az) (Rodrigues), scaled, then moved. */
    static float[] similarity(float[] points, double ax, double ay, double az, double angle, double scale,
                              double tx, double ty, double tz) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        float[] out = new float[points.length];
        for (int i = 0; i < points.length / 3; i++) {
            double x = points[3 * i], y = points[3 * i + 1], z = points[3 * i + 2];
            double dot = ax * x + ay * y + az * z;
            double cx = ay * z - az * y, cy = az * x - ax * z, cz = ax * y - ay * x;
            out[3 * i] = (float) (scale * (x * c + cx * s + ax * dot * (1 - c)) + tx);
            out[3 * i + 1] = (float) (scale * (y * c + cy * s + ay * dot * (1 - c)) + ty);
            out[3 * i + 2] = (float) (scale * (z * c + cz * s + az * dot * (1 - c)) + tz);
        }
        return out;
    }

    /** The largest distance between corresponding 3D points. */
    static double maxDistance(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length / 3; i++) {
            double dx = a[3 * i] - b[3 * i], dy = a[3 * i + 1] - b[3 * i + 1], dz = a[3 * i + 2] - b[3 * i + 2];
            max = Math.max(max, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return max;
    }
}
