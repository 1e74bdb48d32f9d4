package dev.handscope.engine.hand;

import java.util.Arrays;

/**
 * An immutable set of points as (x, y, z) triples: a hand's 21 landmarks in image-normalised or
 * metric coordinates. Callers that need a working array take a copy.
 */
public final class Landmarks {
    private final float[] xyz;

    private Landmarks(float[] xyz) {
        this.xyz = xyz;
    }

    /** A copy of {@code xyz} (x0, y0, z0, x1, ...); its length must be a multiple of 3. */
    public static Landmarks of(float[] xyz) {
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("points come as x, y, z triples; got " + xyz.length + " numbers");
        }
        return new Landmarks(xyz.clone());
    }

    public int count() {
        return xyz.length / 3;
    }

    public float x(int point) {
        return xyz[point * 3];
    }

    public float y(int point) {
        return xyz[point * 3 + 1];
    }

    public float z(int point) {
        return xyz[point * 3 + 2];
    }

    /** A fresh copy of the triples. */
    public float[] toArray() {
        return xyz.clone();
    }

    /** Copies the triples into {@code target} (at least {@code 3 * count()} long) and returns it. */
    public float[] copyInto(float[] target) {
        System.arraycopy(xyz, 0, target, 0, xyz.length);
        return target;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Landmarks that && Arrays.equals(xyz, that.xyz);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xyz);
    }

    @Override
    public String toString() {
        return "Landmarks" + Arrays.toString(xyz);
    }
}
