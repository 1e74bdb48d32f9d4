package dev.handscope.engine.signals;

import static dev.handscope.engine.hand.HandTopology.*;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.Handedness;

/**
 * The frame-by-frame geometry behind {@link HandSignals}: pinch and grab strength, palm centre and
 * normal, pointing direction, from 21 landmarks. Stateless; hand size is wrist to middle knuckle.
 */
public final class HandGeometry {
    /** Thumb and index tips this many hand sizes apart, or closer, pinch fully (about 1.4 cm on an adult hand). */
    public static final double PINCH_TOUCH = 0.15;
    /** This many hand sizes apart, or more, is no pinch at all (about 7 cm). */
    public static final double PINCH_OPEN = 0.8;
    /** A finger whose three joints bend this much in all (degrees) is fully curled. */
    public static final double FULL_CURL_DEGREES = 240;

    private static final int[] PALM = {WRIST, INDEX_MCP, MIDDLE_MCP, RING_MCP, PINKY_MCP};

    private HandGeometry() {
    }

    /** Pinch strength 0..1 from world landmarks (any metric or uniformly scaled points). */
    public static double pinch(Landmarks world) {
        double size = distance(world, WRIST, MIDDLE_MCP);
        if (size <= 0) {
            return 0;
        }
        double apart = distance(world, THUMB_TIP, INDEX_TIP) / size;
        return clamp01((PINCH_OPEN - apart) / (PINCH_OPEN - PINCH_TOUCH));
    }

    /** Grab strength 0..1: the mean of the index, middle, ring and little fingers' curls. */
    public static double grab(Landmarks world) {
        double sum = 0;
        for (int finger = 1; finger < FINGER_COUNT; finger++) {
            sum += curl(world, FINGERS[finger]);
        }
        return sum / (FINGER_COUNT - 1);
    }

    /** One finger's curl 0..1: the bends at its three joints (wrist-knuckle-middle, ...), summed, over a fist's. */
    static double curl(Landmarks world, int[] finger) {
        double degrees = bend(world, WRIST, finger[0], finger[1]) + bend(world, finger[0], finger[1], finger[2])
                + bend(world, finger[1], finger[2], finger[3]);
        return clamp01(degrees / FULL_CURL_DEGREES);
    }

    /** The palm centre: the mean of the wrist and the four finger knuckles, in {@code points}' frame. */
    public static float[] palmCentre(Landmarks points) {
        float[] centre = new float[3];
        for (int point : PALM) {
            centre[0] += points.x(point) / PALM.length;
            centre[1] += points.y(point) / PALM.length;
            centre[2] += points.z(point) / PALM.length;
        }
        return centre;
    }

    /**
     * The unit normal out of the palm's inner side, from world landmarks: the cross product of wrist
     * to index knuckle and wrist to little knuckle, turned by handedness (a right palm facing the
     * camera gives -z, towards it).
     */
    public static float[] palmNormal(Landmarks world, Handedness handedness) {
        double ax = world.x(INDEX_MCP) - world.x(WRIST);
        double ay = world.y(INDEX_MCP) - world.y(WRIST);
        double az = world.z(INDEX_MCP) - world.z(WRIST);
        double bx = world.x(PINKY_MCP) - world.x(WRIST);
        double by = world.y(PINKY_MCP) - world.y(WRIST);
        double bz = world.z(PINKY_MCP) - world.z(WRIST);
        double sign = Handedness.LEFT.equals(handedness.label()) ? 1 : -1;
        return unit(sign * (ay * bz - az * by), sign * (az * bx - ax * bz), sign * (ax * by - ay * bx));
    }

    /** The unit direction the index finger points, knuckle to tip. */
    public static float[] pointing(Landmarks world) {
        return unit(world.x(INDEX_TIP) - world.x(INDEX_MCP), world.y(INDEX_TIP) - world.y(INDEX_MCP),
                world.z(INDEX_TIP) - world.z(INDEX_MCP));
    }

    private static double bend(Landmarks p, int a, int b, int c) {
        double ux = p.x(b) - p.x(a);
        double uy = p.y(b) - p.y(a);
        double uz = p.z(b) - p.z(a);
        double vx = p.x(c) - p.x(b);
        double vy = p.y(c) - p.y(b);
        double vz = p.z(c) - p.z(b);
        double lengths = Math.sqrt((ux * ux + uy * uy + uz * uz) * (vx * vx + vy * vy + vz * vz));
        if (lengths <= 0) {
            return 0;
        }
        double cos = Math.max(-1, Math.min(1, (ux * vx + uy * vy + uz * vz) / lengths));
        return Math.toDegrees(Math.acos(cos));
    }

    static double distance(Landmarks p, int a, int b) {
        double dx = p.x(a) - p.x(b);
        double dy = p.y(a) - p.y(b);
        double dz = p.z(a) - p.z(b);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static float[] unit(double x, double y, double z) {
        double length = Math.sqrt(x * x + y * y + z * z);
        if (length <= 0) {
            return new float[3];
        }
        return new float[] {(float) (x / length), (float) (y / length), (float) (z / length)};
    }

    private static double clamp01(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
