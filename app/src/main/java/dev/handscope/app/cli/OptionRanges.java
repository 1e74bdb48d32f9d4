package dev.handscope.app.cli;

/** Range checks for option values, at the edge: the message names the option, its range and the value given. */
final class OptionRanges {
    private OptionRanges() {
    }

    /** {@code value} in [min, max]. */
    static int wholeNumber(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UserError(UserError.USAGE, option + " must be a whole number from " + min + " to " + max
                    + " (got " + value + ")");
        }
        return value;
    }

    /** {@code value} finite and in [min, max]; {@code unit} is appended to the range ("degrees"), or empty. */
    static double number(String option, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) { // also false for NaN
            throw new UserError(UserError.USAGE, option + " must be a number from " + plain(min) + " to " + plain(max)
                    + (unit.isEmpty() ? "" : " " + unit) + " (got " + value + ")");
        }
        return value;
    }

    /** {@code value} finite, above {@code floor} (excluded) and at most {@code max}. */
    static double above(String option, double value, double floor, double max) {
        if (!(value > floor && value <= max)) {
            throw new UserError(UserError.USAGE, option + " must be a number above " + plain(floor) + " and at most "
                    + plain(max) + " (got " + value + ")");
        }
        return value;
    }

    /** 1 rather than 1.0 for whole bounds. */
    private static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
