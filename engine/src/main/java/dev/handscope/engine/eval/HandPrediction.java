package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;

/**
 * What a model answered for one hand, in the labels' terms.
 *
 * @param keypoints 21 x (x, y) in image pixels, MediaPipe's order
 * @param worldMm   21 x (x, y, z) in millimetres (the model's world landmarks or mesh joints, any
 *                  origin), or null when the model gives no 3D
 * @param side      the model's handedness, or null when it gives none
 * @param score     the model's confidence (presence, or detection score)
 */
public record HandPrediction(float[] keypoints, float[] worldMm, HandSide side, double score) {

    public HandPrediction {
        if (keypoints.length != HandTopology.LANDMARKS * 2) {
            throw new IllegalArgumentException("a prediction has 21 x 2 keypoint numbers, got " + keypoints.length);
        }
        if (worldMm != null && worldMm.length != HandTopology.LANDMARKS * 3) {
            throw new IllegalArgumentException("world joints are 21 x 3 numbers, got " + worldMm.length);
        }
        keypoints = keypoints.clone();
        worldMm = worldMm == null ? null : worldMm.clone();
    }

    public float x(int joint) {
        return keypoints[2 * joint];
    }

    public float y(int joint) {
        return keypoints[2 * joint + 1];
    }
}
