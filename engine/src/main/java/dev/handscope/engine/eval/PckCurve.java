package dev.handscope.engine.eval;

import java.util.Arrays;

/**
 * The fraction of joints whose error is at most each of evenly spaced thresholds, and the area
 * under it: the papers' PCK curve and AUC. A joint is correct at threshold t when its error is
 * {@code <= t}, the same convention as {@link JointErrors.Stats#pck()}.
 *
 * @param thresholds increasing, from 0
 * @param fractions  per threshold, the fraction of errors at most it; NaN when there were no errors
 */
public record PckCurve(double[] thresholds, double[] fractions) {

    public PckCurve {
        if (thresholds.length < 2 || thresholds.length != fractions.length) {
            throw new IllegalArgumentException("a curve needs two or more thresholds, each with a fraction");
        }
        thresholds = thresholds.clone();
        fractions = fractions.clone();
    }

    /**
     * The curve of {@code errors} at thresholds {@code i / stepsPerUnit}, i = 0 .. intervals (written
     * as a division so that 0.01 steps land exactly on 0.1, 0.2 and the other round values).
     */
    static PckCurve of(double[] errors, int intervals, int stepsPerUnit) {
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        double[] thresholds = new double[intervals + 1];
        double[] fractions = new double[intervals + 1];
        for (int i = 0; i <= intervals; i++) {
            thresholds[i] = (double) i / stepsPerUnit;
            fractions[i] = fractionAtMost(sorted, thresholds[i]);
        }
        return new PckCurve(thresholds, fractions);
    }

    /** The fraction of {@code sorted} (ascending) that is {@code <= threshold}; NaN when empty. */
    static double fractionAtMost(double[] sorted, double threshold) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int low = 0;
        int high = sorted.length;
        while (low < high) { // first index above the threshold
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= threshold) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return (double) low / sorted.length;
    }

    /** Trapezoid area under the curve divided by its threshold range: 1 when every error is 0. */
    public double auc() {
        double area = 0;
        for (int i = 1; i < thresholds.length; i++) {
            area += (fractions[i - 1] + fractions[i]) / 2 * (thresholds[i] - thresholds[i - 1]);
        }
        return area / (thresholds[thresholds.length - 1] - thresholds[0]);
    }
}
