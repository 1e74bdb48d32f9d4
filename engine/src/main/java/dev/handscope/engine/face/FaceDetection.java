package dev.handscope.engine.face;

import dev.handscope.engine.family.WeightedSuppression;

/**
 * A face found by the detector, normalised to the image (or, inside the decoder, to the model input).
 *
 * @param xmin      left edge of the face box
 * @param ymin      top edge
 * @param width     box width
 * @param height    box height
 * @param score     face probability (sigmoid of the model's score)
 * @param keypoints 6 keypoints as x0, y0, ... x5, y5: 0 right eye, 1 left eye (the person's; on an
 *                  unmirrored image 0 is on the left), 2 nose tip, 3 mouth centre, 4 right ear
 *                  tragion, 5 left ear tragion
 */
public record FaceDetection(float xmin, float ymin, float width, float height, float score, float[] keypoints)
        implements WeightedSuppression.Detection {
    public static final int KEYPOINTS = 6;
    public static final int RIGHT_EYE = 0;
    public static final int LEFT_EYE = 1;

    public FaceDetection {
        if (keypoints.length != 2 * KEYPOINTS) {
            throw new IllegalArgumentException("a face has " + KEYPOINTS + " keypoints (x, y), got "
                    + keypoints.length + " numbers");
        }
        keypoints = keypoints.clone();
    }

    @Override
    public float[] keypoints() {
        return keypoints.clone();
    }

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

    /** Whether the point (normalised like the box) lies inside the box. */
    public boolean contains(double x, double y) {
        return x >= xmin && x <= xmin + width && y >= ymin && y <= ymin + height;
    }
}
