package dev.handscope.engine.landmarks;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.mesh.HandMesh;

/**
 * One hand as a landmark model sees it in one crop.
 *
 * @param landmarks      21 x (x, y, z): x, y normalised to the image (unmirrored), z relative depth
 *                       at the scale of x
 * @param worldLandmarks 21 x (x, y, z) in metres, centred on the hand, turned with the image
 * @param presence       probability that the crop holds a hand
 * @param handedness     left or right (physical hand, unmirrored image) with its score
 * @param rect           the square crop the model saw, normalised to the image
 * @param mesh           the hand's mesh when the model predicts one itself (one-stage mesh models), else
 *                       null; the tracker hands it on as the hand's mesh, and the mesh stage does not refit it
 */
public record HandLandmarks(Landmarks landmarks, Landmarks worldLandmarks, double presence, Handedness handedness,
                            RotatedRect rect, HandMesh mesh) {
    public static final int COUNT = 21;

    /** Landmarks without a predicted mesh (every landmark model). */
    public HandLandmarks(Landmarks landmarks, Landmarks worldLandmarks, double presence, Handedness handedness,
                         RotatedRect rect) {
        this(landmarks, worldLandmarks, presence, handedness, rect, null);
    }

    public float x(int landmark) {
        return landmarks.x(landmark);
    }

    public float y(int landmark) {
        return landmarks.y(landmark);
    }

    public float z(int landmark) {
        return landmarks.z(landmark);
    }
}
