package dev.handscope.engine.family.heatmap;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;

/**
 * What every top-down landmark family (heatmap, SimCC, 2.5D heatmap) shares: the crop it sees and
 * how its keypoints map to the 21 hand landmarks.
 *
 * @param input     input size and normalisation
 * @param cropScale the square crop's side as a multiple of the region's longer side (1.25 by default)
 * @param rotate    whether the crop turns with the region (MediaPipe-style) or stays upright
 * @param keypoints K, the model's keypoints
 * @param map       which model keypoint is each hand landmark
 */
public record TopDownOptions(InputSpec input, double cropScale, boolean rotate, int keypoints, KeypointMap map) {

    public TopDownOptions {
        if (!(cropScale > 0) || !Double.isFinite(cropScale)) {
            throw new IllegalArgumentException("crop scale must be a positive number, got " + cropScale);
        }
        if (keypoints < map.requiredPoints()) {
            throw new IllegalArgumentException("the keypoint mapping uses index " + (map.requiredPoints() - 1)
                    + " but the model has " + keypoints + " keypoints");
        }
    }
}
