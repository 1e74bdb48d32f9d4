package dev.handscope.engine.face;

import dev.handscope.engine.family.WeightedSuppression;
import dev.handscope.engine.palm.SsdAnchors;
import java.util.ArrayList;
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

    private final List<SsdAnchors.Anchor> anchors;
    private final float scale;
    private final float minScore;
    private final float iouThreshold;
    /** The box of the anchor being decoded (reused: only its four numbers go into the detection). */
    private final float[] box = new float[4];

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
            float score = SsdAnchors.score(scores[i]);
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
        float[] keypoints = new float[2 * FaceDetection.KEYPOINTS];
        // reverse_output_order: the box comes as x, y, w, h, as the palm detector's does.
        anchors.get(index).decode(raw, index * VALUES_PER_ANCHOR, scale, box, keypoints);
        return new FaceDetection(box[0], box[1], box[2], box[3], score, keypoints);
    }

    /** MediaPipe's WEIGHTED suppression (see {@link WeightedSuppression}). */
    List<FaceDetection> weightedNonMaxSuppression(List<FaceDetection> detections) {
        return WeightedSuppression.apply(detections, iouThreshold, FaceDetection::new);
    }
}
