package dev.handscope.engine.model;

import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;

/**
 * A hand a detector found in the full image, in image-normalised coordinates (unmirrored image).
 *
 * @param xmin       left edge of the detected box
 * @param ymin       top edge
 * @param width      box width
 * @param height     box height
 * @param score      detection probability
 * @param keypoints  the detector's own keypoints as x0, y0, x1, y1, ... (e.g. 7 palm points), or empty
 * @param handedness left or right when the detector says, else null
 * @param crop       where a landmarker should look for this hand
 * @param landmarks  the hand itself when the detector is a one-stage model that finds landmarks
 *                   in the same pass, else null
 */
public record HandRegion(float xmin, float ymin, float width, float height, float score, float[] keypoints,
                         Handedness handedness, RotatedRect crop, HandLandmarks landmarks) {

    public HandRegion {
        keypoints = keypoints.clone();
    }

    public float centerX() {
        return xmin + width / 2;
    }

    public float centerY() {
        return ymin + height / 2;
    }

    public int keypointCount() {
        return keypoints.length / 2;
    }

    public float keypointX(int i) {
        return keypoints[2 * i];
    }

    public float keypointY(int i) {
        return keypoints[2 * i + 1];
    }
}
