package dev.handscope.engine.family;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's WEIGHTED non-max suppression for SSD detectors (palms, faces): the best remaining box
 * absorbs every box overlapping it by more than the threshold (itself always, even a zero-size one);
 * the result is their score-weighted mean box and keypoints, with the best box's score.
 */
public final class WeightedSuppression {
    private WeightedSuppression() {
    }

    /** A detection as suppression sees it: box, score, keypoints (x0, y0, x1, y1, ...). */
    public interface Detection {
        float xmin();

        float ymin();

        float width();

        float height();

        float score();

        float[] keypoints();
    }

    /** Makes the merged detection. */
    @FunctionalInterface
    public interface Merged<T> {
        T of(float xmin, float ymin, float width, float height, float score, float[] keypoints);
    }

    public static <T extends Detection> List<T> apply(List<T> detections, double iouThreshold, Merged<T> merged) {
        List<T> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble((T d) -> d.score()).reversed());
        List<T> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            T best = remaining.get(0);
            List<T> cluster = new ArrayList<>();
            List<T> rest = new ArrayList<>();
            cluster.add(best);
            for (T candidate : remaining.subList(1, remaining.size())) {
                (iou(best, candidate) > iouThreshold ? cluster : rest).add(candidate);
            }
            kept.add(mean(best, cluster, merged));
            remaining = rest;
        }
        return kept;
    }

    private static <T extends Detection> T mean(T best, List<T> cluster, Merged<T> merged) {
        double total = 0;
        double xmin = 0;
        double ymin = 0;
        double xmax = 0;
        double ymax = 0;
        double[] keypoints = new double[best.keypoints().length];
        for (T d : cluster) {
            double w = d.score();
            total += w;
            xmin += w * d.xmin();
            ymin += w * d.ymin();
            xmax += w * (d.xmin() + d.width());
            ymax += w * (d.ymin() + d.height());
            float[] points = d.keypoints();
            for (int k = 0; k < keypoints.length; k++) {
                keypoints[k] += w * points[k];
            }
        }
        float[] meanKeypoints = new float[keypoints.length];
        for (int k = 0; k < keypoints.length; k++) {
            meanKeypoints[k] = (float) (keypoints[k] / total);
        }
        return merged.of((float) (xmin / total), (float) (ymin / total), (float) ((xmax - xmin) / total),
                (float) ((ymax - ymin) / total), best.score(), meanKeypoints);
    }

    /** Intersection over union of two boxes; 0 when neither has an area. */
    public static double iou(Detection a, Detection b) {
        double left = Math.max(a.xmin(), b.xmin());
        double top = Math.max(a.ymin(), b.ymin());
        double right = Math.min(a.xmin() + a.width(), b.xmin() + b.width());
        double bottom = Math.min(a.ymin() + a.height(), b.ymin() + b.height());
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = (double) a.width() * a.height() + (double) b.width() * b.height() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
