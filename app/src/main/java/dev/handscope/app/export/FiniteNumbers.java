package dev.handscope.app.export;

/**
 * The writers' guard: JSON and OBJ never hold NaN or Infinity (Jackson would write "NaN" strings,
 * OBJ readers would choke), so a non-finite value stops the write and names itself.
 */
public final class FiniteNumbers {
    private FiniteNumbers() {
    }

    /** Throws naming {@code what} and the index (in points of {@code stride} numbers) of the first non-finite value. */
    static void require(float[] values, int stride, String what, String where) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalStateException(where + ": " + what + " " + i / stride + " is " + values[i]
                        + "; HandScope does not write NaN or Infinity");
            }
        }
    }

    public static void require(double value, String what, String where) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(where + ": " + what + " is " + value + "; HandScope does not write NaN or Infinity");
        }
    }
}
