package dev.handscope.engine.family;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Greedy class-agnostic non-max suppression over axis-aligned boxes, shared by the one-stage
 * families: best score first, each item kept unless it overlaps a kept one by more than the
 * threshold (intersection over union). O(n log n + n * kept).
 */
public final class BoxSuppression {
    private BoxSuppression() {
    }

    /**
     * @param items     the candidates, in any order
     * @param score     each item's score
     * @param box       each item's box as {left, top, right, bottom}
     * @param threshold overlap above which the lower-scored item goes
     * @param max       at most this many items are kept
     */
    public static <T> List<T> suppress(List<T> items, ToDoubleFunction<T> score, Function<T, float[]> box,
                                       double threshold, int max) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> Double.compare(score.applyAsDouble(b), score.applyAsDouble(a)));
        List<T> kept = new ArrayList<>();
        List<float[]> keptBoxes = new ArrayList<>();
        for (T item : sorted) {
            if (kept.size() >= max) {
                break;
            }
            float[] candidate = box.apply(item);
            boolean overlaps = false;
            for (float[] k : keptBoxes) {
                if (iou(k, candidate) > threshold) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(item);
                keptBoxes.add(candidate);
            }
        }
        return kept;
    }

    /** Intersection over union of two {left, top, right, bottom} boxes; 0 when either is empty. */
    public static double iou(float[] a, float[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        double union = (double) (a[2] - a[0]) * (a[3] - a[1]) + (double) (b[2] - b[0]) * (b[3] - b[1]) - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
