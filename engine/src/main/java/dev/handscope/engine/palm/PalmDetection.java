package dev.handscope.engine.palm;

import dev.handscope.engine.family.WeightedSuppression;

/**
 * A palm found by the detector, in image-normalised coordinates (unmirrored image).
 *
 * @param xmin      left edge of the palm box
 * @param ymin      top edge
 * @param width     box width
 * @param height    box height
 * @param score     palm probability (sigmoid of the model's score)
 * @param keypoints 7 palm keypoints as x0, y0, ... x6, y6: 0 wrist, 2 middle-finger MCP, ...
 */
public record PalmDetection(float xmin, float ymin, float width, float height, float score, float[] keypoints)
        implements WeightedSuppression.Detection {
    public static final int KEYPOINTS = 7;

    public float keypointX(int i) {
        return keypoints[2 * i];
    }

    public float keypointY(int i) {
        return keypoints[2 * i + 1];
    }

    public float centerX() {
        return xmin + width / 2;
    }

    public float centerY() {
        return ymin + height / 2;
    }
}
