package dev.handscope.engine.family.yolo;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;
import java.util.List;

/**
 * A YOLO-pose model (one stage, full image; Ultralytics' layout): letterboxed input, one output of
 * [1, 4+C+3K, N] or [1, N, 4+C+3K] candidates (cx, cy, w, h, C class scores, K keypoints as x, y,
 * visibility).
 *
 * @param input       input size and normalisation; letterbox padding 114 by default
 * @param output      the output tensor's name in the signature
 * @param classes     class names: ["hand"], or ["left", "right"] which then gives handedness
 * @param keypoints   K, the model's keypoints per candidate
 * @param normalized  whether coordinates are in [0, 1] of the input (TFLite export) rather than input pixels
 * @param confidence  class score below which candidates are dropped (Ultralytics' 0.25)
 * @param iou         suppression overlap (Ultralytics' 0.7)
 * @param map         which model keypoint is each hand landmark
 */
public record YoloPoseOptions(InputSpec input, String output, List<String> classes, int keypoints,
                              boolean normalized, float confidence, float iou, KeypointMap map) {

    public YoloPoseOptions {
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a YOLO-pose model needs at least one class");
        }
        if (keypoints < map.requiredPoints()) {
            throw new IllegalArgumentException("the keypoint mapping uses index " + (map.requiredPoints() - 1)
                    + " but the model has " + keypoints + " keypoints");
        }
    }

    /** Values per candidate: box, class scores, keypoints. */
    public int valuesPerCandidate() {
        return 4 + classes.size() + 3 * keypoints;
    }
}
