package dev.handscope.engine.palm;

import dev.handscope.engine.family.FiniteValues;
import dev.handscope.engine.family.WeightedSuppression;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-processing of the palm detector (no TensorFlow): raw box regressions and scores per anchor
 * to palm detections, following MediaPipe's TensorsToDetections and weighted non-max suppression.
 * Coordinates stay normalised to the model input; {@link LetterboxGeometry} maps them to the image.
 */
public final class PalmDecoder {
    /** Values per anchor: box x, y, w, h then 7 keypoints (x, y). */
    public static final int VALUES_PER_ANCHOR = 4 + 2 * PalmDetection.KEYPOINTS;

    private final List<SsdAnchors.Anchor> anchors;
    private final float inputSize;
    private final float minScore;
    private final float iouThreshold;
    private long nonFinite;
    /** The box of the anchor being decoded (reused: only its four numbers go into the detection). */
    private final float[] box = new float[4];

    /**
     * @param minScore     palm probability below which anchors are ignored (MediaPipe: 0.5)
     * @param iouThreshold boxes overlapping the best one more than this are merged into it (0.3)
     */
    public PalmDecoder(List<SsdAnchors.Anchor> anchors, int inputSize, float minScore, float iouThreshold) {
        this.anchors = anchors;
        this.inputSize = inputSize;
        this.minScore = minScore;
        this.iouThreshold = iouThreshold;
    }

    /** Detections in model-input coordinates, best first, after weighted non-max suppression. */
    public List<PalmDetection> decode(float[] boxes, float[] scores) {
        if (scores.length != anchors.size() || boxes.length != anchors.size() * VALUES_PER_ANCHOR) {
            throw new IllegalArgumentException("expected " + anchors.size() + " anchors, got " + scores.length
                    + " scores and " + boxes.length / VALUES_PER_ANCHOR + " boxes");
        }
        List<PalmDetection> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isFinite(scores[i]) || !FiniteValues.all(boxes, i * VALUES_PER_ANCHOR, VALUES_PER_ANCHOR)) {
                nonFinite++;
                continue;
            }
            float score = SsdAnchors.score(scores[i]);
            if (score < minScore) {
                continue;
            }
            candidates.add(decodeAnchor(boxes, i, score));
        }
        return weightedNonMaxSuppression(candidates);
    }

    /** Anchors dropped by this decoder because their score or box held NaN or infinity. */
    public long nonFinite() {
        return nonFinite;
    }

    private PalmDetection decodeAnchor(float[] raw, int index, float score) {
        float[] keypoints = new float[2 * PalmDetection.KEYPOINTS];
        anchors.get(index).decode(raw, index * VALUES_PER_ANCHOR, inputSize, box, keypoints);
        return new PalmDetection(box[0], box[1], box[2], box[3], score, keypoints);
    }

    /**
     * MediaPipe's WEIGHTED suppression: the best remaining box absorbs every box overlapping it by
     * more than the threshold (itself included); the result is their score-weighted mean, with the
     * best box's score.
     */
    List<PalmDetection> weightedNonMaxSuppression(List<PalmDetection> detections) {
        return WeightedSuppression.apply(detections, iouThreshold, PalmDetection::new);
    }
}
