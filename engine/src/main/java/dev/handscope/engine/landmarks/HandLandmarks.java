package dev.handscope.engine.landmarks;

/**
 * One hand as the landmark model sees it in one crop.
 *
 * @param landmarks      21 x (x, y, z): x, y normalised to the image (unmirrored), z relative depth
 *                       at the scale of x
 * @param worldLandmarks 21 x (x, y, z) in metres, centred on the hand, turned with the image
 * @param presence       probability that the crop holds a hand
 * @param handedness     left or right (physical hand, unmirrored image) with its score
 * @param rect           the square crop the model saw, normalised to the image
 */
public record HandLandmarks(float[] landmarks, float[] worldLandmarks, double presence, Handedness handedness,
                            RotatedRect rect) {
    public static final int COUNT = 21;

    public float x(int landmark) {
        return landmarks[landmark * 3];
    }

    public float y(int landmark) {
        return landmarks[landmark * 3 + 1];
    }

    public float z(int landmark) {
        return landmarks[landmark * 3 + 2];
    }
}
