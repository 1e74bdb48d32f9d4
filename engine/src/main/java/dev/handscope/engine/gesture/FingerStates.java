package dev.handscope.engine.gesture;

import dev.handscope.engine.hand.HandTopology;

/**
 * How bent each finger is, from 3D landmarks (metres or any unit: only angles and ratios are used,
 * so size, rotation and left/right do not matter). Straightness is in [0, 1]: 1 for a straight
 * finger, 0 for one folded by 180 degrees or more in total over its joints.
 */
public record FingerStates(double thumb, double index, double middle, double ring, double pinky, double thumbOut,
                           double pinchDistance, double palmSize) {

    public static FingerStates of(float[] p) {
        double[] straight = new double[HandTopology.FINGER_COUNT];
        for (int f = 0; f < straight.length; f++) {
            int[] c = HandTopology.FINGERS[f];
            // Bend at the base joint (from the wrist direction), then at the two finger joints.
            double bend = angle(p, HandTopology.WRIST, c[0], c[1]) + angle(p, c[0], c[1], c[2]) + angle(p, c[1], c[2], c[3]);
            straight[f] = Math.max(0, 1 - bend / Math.PI);
        }
        double palm = distance(p, HandTopology.WRIST, HandTopology.MIDDLE_MCP) + distance(p, HandTopology.INDEX_MCP, HandTopology.PINKY_MCP);
        double thumbOut = distance(p, HandTopology.THUMB_TIP, HandTopology.INDEX_MCP) / Math.max(1e-9, palm / 2);
        double pinch = distance(p, HandTopology.THUMB_TIP, HandTopology.INDEX_TIP) / Math.max(1e-9, palm / 2);
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
