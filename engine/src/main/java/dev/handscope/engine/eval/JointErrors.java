package dev.handscope.engine.eval;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.DoubleStream;

/**
 * The 2D errors of a subset of joints (all, one finger, one joint class, one joint) over a set of
 * scored hands, from which PCK and EPE follow.
 *
 * <p>PCK counts every labelled joint of every labelled hand, a missed hand's as wrong; EPE averages
 * only detected hands' joints, since a missed hand has no pixel error to average (its absence shows
 * in recall and PCK instead).
 */
public final class JointErrors {
    private final double[] normalised; // ascending; labelled joints of all hands, +Infinity when missed
    private final double[] pixels; // ascending; labelled joints of detected hands

    /**
     * PCK and EPE of one subset of joints.
     *
     * @param joints      the labelled joints PCK counted (over all hands, missed included)
     * @param pck         threshold (a fraction of the hand's size) to the fraction of joints whose error
     *                    is {@code <= threshold * size}, in threshold order; NaN values when no joints
     * @param epeMeanPx   mean pixel error over detected hands' labelled joints; NaN when there are none
     * @param epeMedianPx median of the same; NaN when there are none
     */
    public record Stats(int joints, Map<Double, Double> pck, double epeMeanPx, double epeMedianPx) {

        public Stats {
            pck = Collections.unmodifiableMap(new LinkedHashMap<>(pck));
        }
    }

    private JointErrors(double[] normalised, double[] pixels) {
        this.normalised = normalised;
        this.pixels = pixels;
    }

    /** The errors of the joints {@code joints} accepts over {@code hands}. */
    static JointErrors of(List<HandScore> hands, IntPredicate joints) {
        DoubleStream.Builder normalised = DoubleStream.builder();
        DoubleStream.Builder pixels = DoubleStream.builder();
        for (HandScore hand : hands) {
            for (int j = 0; j < hand.errorPx().length; j++) {
                if (joints.test(j) && hand.label().labelled()[j]) {
                    normalised.add(hand.normalisedError(j));
                    if (hand.detected()) {
                        pixels.add(hand.errorPx()[j]);
                    }
                }
            }
        }
        return new JointErrors(normalised.build().sorted().toArray(), pixels.build().sorted().toArray());
    }

    /** The fraction of joints with error {@code <= threshold * size}; NaN when there are no joints. */
    double pck(double threshold) {
        return PckCurve.fractionAtMost(normalised, threshold);
    }

    /** The PCK curve over thresholds {@code i / stepsPerUnit} of the hand's size, i = 0 .. intervals. */
    PckCurve curve(int intervals, int stepsPerUnit) {
        return PckCurve.of(normalised, intervals, stepsPerUnit);
    }

    Stats stats(List<Double> thresholds) {
        Map<Double, Double> pck = new LinkedHashMap<>();
        for (double t : thresholds) {
            pck.put(t, pck(t));
        }
        return new Stats(normalised.length, pck, mean(pixels), median(pixels));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
