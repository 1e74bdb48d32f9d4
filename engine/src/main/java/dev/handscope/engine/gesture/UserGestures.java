package dev.handscope.engine.gesture;

import dev.handscope.engine.hand.HandTopology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gestures a user teaches by example: each is a set of recorded poses; a hand matches the gesture
 * of its nearest recorded pose when that pose is near enough. Poses are compared after
 * {@link #normalise}, so where the hand is, how big, how turned and which hand it is do not
 * matter. Safe to read from the inference thread while the window edits it (copy on write).
 */
public final class UserGestures {
    /** Mean finger-bone direction difference (see {@link #distance}) under which a pose counts as the same gesture. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    private volatile Map<String, List<float[]>> samples = Map.of();
    /** Each recorded pose's finger-bone directions (see {@link #bones}), kept beside {@link #samples}. */
    private volatile Map<String, List<float[]>> sampleBones = Map.of();
    private volatile double threshold = DEFAULT_THRESHOLD;

    /** The recorded gestures and their poses (normalised), in the order they were taught. */
    public Map<String, List<float[]>> samples() {
        return samples;
    }

    public void setThreshold(double value) {
        threshold = value;
    }

    public double threshold() {
        return threshold;
    }

    /** Adds poses (world landmarks, 21 x 3 each) under a name. */
    public synchronized void add(String name, List<float[]> worldPoses) {
        checkName(name);
        Map<String, List<float[]>> next = new LinkedHashMap<>(samples);
        List<float[]> poses = new ArrayList<>(next.getOrDefault(name, List.of()));
        for (float[] pose : worldPoses) {
            poses.add(normalise(pose));
        }
        next.put(name, List.copyOf(poses));
        publish(next);
    }

    /** Sets a gesture's poses (already normalised, from a saved set), replacing any of that name. */
    public synchronized void put(String name, List<float[]> poses) {
        checkName(name);
        for (float[] pose : poses) {
            if (pose.length != 63) {
                throw new IllegalArgumentException("a pose is 63 numbers (21 landmarks x 3), got " + pose.length);
            }
        }
        Map<String, List<float[]>> next = new LinkedHashMap<>(samples);
        next.put(name, List.copyOf(poses));
        publish(next);
    }

    /** Forgets every gesture. */
    public synchronized void clear() {
        publish(new LinkedHashMap<>());
    }

    /** Whether a name can name a gesture: 1 to 40 of a-z, 0-9 and _. */
    public static boolean isValidName(String name) {
        return name != null && name.matches("[a-z0-9_]{1,40}");
    }

    private static void checkName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("a gesture name is 1 to 40 of a-z, 0-9 and _, got '" + name + "'");
        }
    }

    public synchronized void remove(String name) {
        Map<String, List<float[]>> next = new LinkedHashMap<>(samples);
        next.remove(name);
        publish(next);
    }

    /** Makes a new set of poses current, with their bone directions computed once here, not per frame. */
    private void publish(Map<String, List<float[]>> next) {
        Map<String, List<float[]>> bones = new LinkedHashMap<>();
        next.forEach((name, poses) -> bones.put(name, poses.stream().map(UserGestures::bones).toList()));
        sampleBones = java.util.Collections.unmodifiableMap(bones);
        samples = java.util.Collections.unmodifiableMap(next);
    }

    /** The nearest recorded gesture to a pose and how far it is (see {@link #distance}). */
    public record Nearest(String name, double distance) {
    }

    /** The recorded gesture nearest to this pose (world landmarks), matching or not; null with none recorded. */
    public Nearest nearest(float[] world) {
        Map<String, List<float[]>> current = sampleBones;
        if (current.isEmpty()) {
            return null;
        }
        float[] pose = bones(normalise(world));
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Map.Entry<String, List<float[]>> gesture : current.entrySet()) {
            for (float[] sample : gesture.getValue()) {
                double d = boneDistance(pose, sample);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = gesture.getKey();
                }
            }
        }
        return new Nearest(best, bestDistance);
    }

    /** The user gesture this pose matches, with a score, or null. */
    public Gesture match(float[] world) {
        Nearest nearest = nearest(world);
        double limit = threshold;
        return nearest != null && nearest.distance() <= limit
                ? new Gesture(nearest.name(), 1 - 0.5 * nearest.distance() / limit, -1) : null;
    }

    /** Finger bones as (from, to) landmark pairs: the thumb's and each finger's three. */
    private static final int[][] FINGER_BONES = HandTopology.fingerBones();

    /**
     * How differently two normalised poses bend their fingers: the mean distance between the unit
     * directions of corresponding finger bones (0 the same, 2 opposite), so long and short fingers
     * in the same pose agree. Also compared with one pose's depth flipped, the lesser wins: the same
     * pose of a left and a right hand differs only there.
     */
    static double distance(float[] a, float[] b) {
        return boneDistance(bones(a), bones(b));
    }

    /** The unit direction of each finger bone of a normalised pose, 3 numbers per bone. */
    private static float[] bones(float[] pose) {
        float[] out = new float[FINGER_BONES.length * 3];
        for (int k = 0, o = 0; k < FINGER_BONES.length; k++, o += 3) {
            double[] d = sub(pose, FINGER_BONES[k][1], FINGER_BONES[k][0]);
            double length = norm(d);
            out[o] = (float) (d[0] / length);
            out[o + 1] = (float) (d[1] / length);
            out[o + 2] = (float) (d[2] / length);
        }
        return out;
    }

    /** {@link #distance} on bone directions from {@link #bones}. */
    private static double boneDistance(float[] u, float[] v) {
        double same = 0;
        double flipped = 0;
        for (int o = 0; o < u.length; o += 3) {
            double dx = u[o] - v[o];
            double dy = u[o + 1] - v[o + 1];
            double dz = u[o + 2] - v[o + 2];
            double dzFlipped = u[o + 2] + v[o + 2];
            same += Math.sqrt(dx * dx + dy * dy + dz * dz);
            flipped += Math.sqrt(dx * dx + dy * dy + dzFlipped * dzFlipped);
        }
        return Math.min(same, flipped) / (u.length / 3);
    }

    /**
     * A pose in the hand's own frame: wrist at the origin, y toward the middle knuckle, z the palm
     * normal, in units of the wrist-to-middle-knuckle length. A left and a right hand in the same
     * pose differ only in the sign of z, which {@link #distance} allows for.
     */
    public static float[] normalise(float[] p) {
        double[] y = sub(p, HandTopology.MIDDLE_MCP, HandTopology.WRIST);
        double length = norm(y);
        scale(y, 1 / length);
        double[] across = sub(p, HandTopology.INDEX_MCP, HandTopology.PINKY_MCP);
        double[] z = cross(across, y);
        scale(z, 1 / norm(z));
        double[] x = cross(y, z);
        float[] out = new float[3 * HandTopology.LANDMARKS];
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            double[] v = sub(p, i, HandTopology.WRIST);
            out[3 * i] = (float) (dot(v, x) / length);
            out[3 * i + 1] = (float) (dot(v, y) / length);
            out[3 * i + 2] = (float) (dot(v, z) / length);
        }
        return out;
    }

    private static double[] sub(float[] p, int a, int b) {
        return new double[] {p[3 * a] - p[3 * b], p[3 * a + 1] - p[3 * b + 1], p[3 * a + 2] - p[3 * b + 2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double factor) {
        a[0] *= factor;
        a[1] *= factor;
        a[2] *= factor;
    }
}
