package dev.handscope.engine.face;

import dev.handscope.engine.palm.SsdAnchors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Post-processing of the face detector (no TensorFlow), MediaPipe's TensorsToDetections and
 * weighted non-max suppression with the face_detection_short_range options: per anchor 16 values
 * (box centre x, y, width, height, then 6 keypoints x, y, in input pixels relative to the anchor
 * centre, scaled by 128), scores clipped to +-100 then sigmoid. Coordinates stay normalised to the
 * 128x128 model input.
 */
public final class FaceDecoder {
    /** Values per anchor: box x, y, w, h then 6 keypoints (x, y). */
    public static final int VALUES_PER_ANCHOR = 4 + 2 * FaceDetection.KEYPOINTS;
    /** score_clipping_thresh. */
    static final float SCORE_CLIP = 100f;

    private final List<SsdAnchors.Anchor> anchors;
    private final float scale;
    private final float minScore;
    private final float iouThreshold;

    /**
     * @param scale        x_scale = y_scale = w_scale = h_scale (128 for the short-range model)
     * @param minScore     face probability below which anchors are ignored (MediaPipe: 0.5)
     * @param iouThreshold min_suppression_threshold (0.3)
     */
    public FaceDecoder(List<SsdAnchors.Anchor> anchors, float scale, float minScore, float iouThreshold) {
        this.anchors = anchors;
        this.scale = scale;
        this.minScore = minScore;
        this.iouThreshold = iouThreshold;
    }

    /** Detections in model-input coordinates, best first, after weighted non-max suppression. */
    public List<FaceDetection> decode(float[] boxes, float[] scores) {
        if (scores.length != anchors.size() || boxes.length != anchors.size() * VALUES_PER_ANCHOR) {
            throw new IllegalArgumentException("expected " + anchors.size() + " anchors, got " + scores.length
                    + " scores and " + boxes.length / VALUES_PER_ANCHOR + " boxes");
        }
        List<FaceDetection> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            float score = sigmoid(Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores[i])));
            if (score < minScore || Float.isNaN(score)) {
                continue;
            }
            FaceDetection d = decodeAnchor(boxes, i, score);
            if (d.width() > 0 && d.height() > 0 && Float.isFinite(d.xmin()) && Float.isFinite(d.ymin())) {
                candidates.add(d);
            }
        }
        return weightedNonMaxSuppression(candidates);
    }

    private FaceDetection decodeAnchor(float[] raw, int index, float score) {
        SsdAnchors.Anchor anchor = anchors.get(index);
        int base = index * VALUES_PER_ANCHOR;
        // reverse_output_order: the box comes as x, y, w, h.
        float centerX = raw[base] / scale * anchor.width() + anchor.x();
        float centerY = raw[base + 1] / scale * anchor.height() + anchor.y();
        float width = raw[base + 2] / scale * anchor.width();
        float height = raw[base + 3] / scale * anchor.height();
        float[] keypoints = new float[2 * FaceDetection.KEYPOINTS];
        for (int k = 0; k < FaceDetection.KEYPOINTS; k++) {
            keypoints[2 * k] = raw[base + 4 + 2 * k] / scale * anchor.width() + anchor.x();
            keypoints[2 * k + 1] = raw[base + 5 + 2 * k] / scale * anchor.height() + anchor.y();
        }
        return new FaceDetection(centerX - width / 2, centerY - height / 2, width, height, score, keypoints);
    }

    /**
     * MediaPipe's WEIGHTED suppression: the best remaining box absorbs every box overlapping it by
     * more than the threshold (itself included); the result is their score-weighted mean, with the
     * best box's score.
     */
    List<FaceDetection> weightedNonMaxSuppression(List<FaceDetection> detections) {
        List<FaceDetection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(FaceDetection::score).reversed());
        List<FaceDetection> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            FaceDetection best = remaining.get(0);
            List<FaceDetection> cluster = new ArrayList<>();
            List<FaceDetection> rest = new ArrayList<>();
            for (FaceDetection candidate : remaining) {
                (candidate == best || iou(best, candidate) > iouThreshold ? cluster : rest).add(candidate);
            }
            kept.add(weightedMean(best, cluster));
            remaining = rest;
        }
        return kept;
    }

    private static FaceDetection weightedMean(FaceDetection best, List<FaceDetection> cluster) {
        double total = 0;
        double xmin = 0;
        double ymin = 0;
        double xmax = 0;
        double ymax = 0;
        double[] keypoints = new double[2 * FaceDetection.KEYPOINTS];
        for (FaceDetection d : cluster) {
            double w = d.score();
            total += w;
            xmin += w * d.xmin();
            ymin += w * d.ymin();
            xmax += w * (d.xmin() + d.width());
            ymax += w * (d.ymin() + d.height());
            for (int k = 0; k < FaceDetection.KEYPOINTS; k++) {
                keypoints[2 * k] += w * d.keypointX(k);
                keypoints[2 * k + 1] += w * d.keypointY(k);
            }
        }
        float[] mean = new float[keypoints.length];
        for (int k = 0; k < keypoints.length; k++) {
            mean[k] = (float) (keypoints[k] / total);
        }
        return new FaceDetection((float) (xmin / total), (float) (ymin / total), (float) ((xmax - xmin) / total),
                (float) ((ymax - ymin) / total), best.score(), mean);
    }

    static double iou(FaceDetection a, FaceDetection b) {
        double left = Math.max(a.xmin(), b.xmin());
        double top = Math.max(a.ymin(), b.ymin());
        double right = Math.min(a.xmin() + a.width(), b.xmin() + b.width());
        double bottom = Math.min(a.ymin() + a.height(), b.ymin() + b.height());
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = (double) a.width() * a.height() + (double) b.width() * b.height() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
