package dev.handscope.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs an image's predicted hands with its labelled hands, one to one, for the bottom-up protocol
 * (the full pipeline finds hands itself). The cost of a pair is the mean pixel distance over the
 * label's labelled joints divided by the label's size, so it reads like a PCK threshold.
 *
 * <p>Pairs are taken greedily by ascending cost. An image holds a handful of hands, and two hands'
 * predictions rarely come close to the same label, so the greedy choice is the optimal assignment
 * in practice; the Hungarian method would only matter for crowded, overlapping hands.
 */
public final class HandMatching {
    /**
     * The largest cost that still pairs: a prediction whose joints are on average more than half the
     * hand's size away is another hand or a false detection, not a poor estimate of this one.
     */
    public static final double MATCH_LIMIT = 0.5;

    private record Pair(int label, int prediction, double cost) {
    }

    private HandMatching() {
    }

    /**
     * For each label, the index in {@code predictions} of its prediction, or -1 when none is matched.
     * Predictions left unassigned are false positives.
     */
    public static int[] assign(List<LabelledHand> labels, List<HandPrediction> predictions) {
        List<Pair> pairs = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            for (int p = 0; p < predictions.size(); p++) {
                double cost = cost(labels.get(l), predictions.get(p));
                if (cost <= MATCH_LIMIT) {
                    pairs.add(new Pair(l, p, cost));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::cost));
        int[] assigned = new int[labels.size()];
        Arrays.fill(assigned, -1);
        boolean[] taken = new boolean[predictions.size()];
        for (Pair pair : pairs) {
            if (assigned[pair.label()] < 0 && !taken[pair.prediction()]) {
                assigned[pair.label()] = pair.prediction();
                taken[pair.prediction()] = true;
            }
        }
        return assigned;
    }

    /** Mean pixel distance over the label's labelled joints over its size; NaN (never matched) when none is labelled. */
    static double cost(LabelledHand label, HandPrediction prediction) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < label.labelled().length; j++) {
            if (label.labelled()[j]) {
                sum += Math.hypot(prediction.x(j) - label.x(j), prediction.y(j) - label.y(j));
                count++;
            }
        }
        return sum / count / label.size();
    }
}
