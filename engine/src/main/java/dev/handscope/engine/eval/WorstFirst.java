package dev.handscope.engine.eval;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Orders scored images by error, worst first, for browsing a dataset. An image's error is its worst
 * hand's mean normalised error over the filter's joints; a missed hand is the worst there is.
 */
public final class WorstFirst {
    private WorstFirst() {
    }

    /**
     * The worst hand's error over {@code filter}'s joints; +Infinity when a hand with such joints
     * labelled was missed; NaN when no hand has one labelled.
     */
    public static double imageError(ImageResult result, JointFilter filter) {
        double worst = Double.NaN;
        for (HandScore hand : result.hands()) {
            double error = hand.meanNormalisedError(filter);
            if (!Double.isNaN(error) && !(error <= worst)) {
                worst = error;
            }
        }
        return worst;
    }

    /**
     * The indices of {@code results}, worst image first; unscored entries (null) and images without
     * an error over the filter come last, each group in the dataset's order.
     */
    public static List<Integer> order(List<ImageResult> results, JointFilter filter) {
        double[] errors = results.stream()
                .mapToDouble(r -> r == null ? Double.NaN : imageError(r, filter)).toArray();
        Comparator<Integer> byError = Comparator.comparingDouble(i -> Double.isNaN(errors[i])
                ? Double.NEGATIVE_INFINITY : errors[i]);
        return IntStream.range(0, results.size()).boxed().sorted(byError.reversed()).toList();
    }
}
