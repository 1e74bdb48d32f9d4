package dev.handscope.engine.family;

/** Whether a model's raw numbers can be used: none NaN or infinite. Shared by the decoders. */
public final class FiniteValues {
    private FiniteValues() {
    }

    /** Whether {@code count} values from {@code from} are all finite. */
    public static boolean all(float[] values, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!Float.isFinite(values[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether every value is finite. */
    public static boolean all(float[] values) {
        return all(values, 0, values.length);
    }
}
