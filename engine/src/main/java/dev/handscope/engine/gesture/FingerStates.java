package dev.handscope.engine.gesture;

/**
 * How bent each finger is, from 3D landmarks (metres or any unit: only angles and ratios are used,
 * so size, rotation and left/right do not matter). Straightness is in [0, 1]: 1 for a straight
 * finger, 0 for one folded by 180 degrees or more in total over its joints.
 */
public record FingerStates(double thumb, double index, double middle, double ring, double pinky, double thumbOut,
                           double pinchDistance, double palmSize) {

    private static final int[][] CHAINS = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16},
        {17, 18, 19, 20}};

    public static FingerStates of(float[] p) {
        double[] straight = new double[5];
        for (int f = 0; f < 5; f++) {
            int[] c = CHAINS[f];
            // Bend at the base joint (from the wrist direction), then at the two finger joints.
            double bend = angle(p, 0, c[0], c[1]) + angle(p, c[0], c[1], c[2]) + angle(p, c[1], c[2], c[3]);
            straight[f] = Math.max(0, 1 - bend / Math.PI);
        }
        double palm = distance(p, 0, 9) + distance(p, 5, 17);
        double thumbOut = distance(p, 4, 5) / Math.max(1e-9, palm / 2);
        double pinch = distance(p, 4, 8) / Math.max(1e-9, palm / 2);
        return new FingerStates(straight[0], straight[1], straight[2], straight[3], straight[4], thumbOut, pinch, palm);
    }

    /** Angle between bone a->b and bone b->c (0 when they continue straight). */
    static double angle(float[] p, int a, int b, int c) {
        double ux = p[3 * b] - p[3 * a];
        double uy = p[3 * b + 1] - p[3 * a + 1];
        double uz = p[3 * b + 2] - p[3 * a + 2];
        double vx = p[3 * c] - p[3 * b];
        double vy = p[3 * c + 1] - p[3 * b + 1];
        double vz = p[3 * c + 2] - p[3 * b + 2];
        double dot = ux * vx + uy * vy + uz * vz;
        double norms = Math.sqrt((ux * ux + uy * uy + uz * uz) * (vx * vx + vy * vy + vz * vz));
        return norms == 0 ? 0 : Math.acos(Math.max(-1, Math.min(1, dot / norms)));
    }

    static double distance(float[] p, int a, int b) {
        double dx = p[3 * a] - p[3 * b];
        double dy = p[3 * a + 1] - p[3 * b + 1];
        double dz = p[3 * a + 2] - p[3 * b + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
