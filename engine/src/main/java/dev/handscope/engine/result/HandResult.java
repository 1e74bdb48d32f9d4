package dev.handscope.engine.result;

import dev.handscope.engine.gesture.Gesture;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.model.ModelView;
import dev.handscope.engine.signals.HandSignals;

/**
 * One hand in one frame.
 *
 * @param id             stable while the hand is tracked; a new hand gets a new id
 * @param age            frames since the hand was found (0 on its first frame)
 * @param landmarks      21 x (x, y, z), smoothed when smoothing is on; image-normalised, unmirrored
 * @param worldLandmarks 21 x (x, y, z) in metres, smoothed likewise
 * @param handedness     smoothed over the track: the physical hand in the unmirrored image
 * @param model          the landmark model's own answer for this frame (unsmoothed; its handedness is
 *                       this frame's reading)
 * @param gesture        the static gesture, smoothed over the track (null until the gesture stage ran)
 * @param mesh           the posed hand mesh (null until the mesh stage ran)
 * @param comparison     a second landmark model on the same crop, for A/B runs (else null)
 * @param debug          what the landmark model saw and said, when debugging views are on (else null)
 * @param signals        pinch, grab, palm, pointing ray, velocity, time visible (null until the signal stage ran)
 */
public record HandResult(int id, int age, Landmarks landmarks, Landmarks worldLandmarks, Handedness handedness,
                         HandLandmarks model, Gesture gesture, HandMesh mesh, HandLandmarks comparison,
                         ModelView debug, HandSignals signals) {

    /** A hand before the signal stage ran. */
    public HandResult(int id, int age, Landmarks landmarks, Landmarks worldLandmarks, Handedness handedness,
                      HandLandmarks model, Gesture gesture, HandMesh mesh, HandLandmarks comparison, ModelView debug) {
        this(id, age, landmarks, worldLandmarks, handedness, model, gesture, mesh, comparison, debug, null);
    }

    /** This frame's hand presence. */
    public double presence() {
        return model.presence();
    }

    /** This frame's unsmoothed left/right reading. */
    public Handedness modelHandedness() {
        return model.handedness();
    }

    /** The crop the landmark model saw this frame. */
    public RotatedRect region() {
        return model.rect();
    }

    public HandResult withGesture(Gesture value) {
        return new HandResult(id, age, landmarks, worldLandmarks, handedness, model, value, mesh, comparison, debug,
                signals);
    }

    public HandResult withMesh(HandMesh value) {
        return new HandResult(id, age, landmarks, worldLandmarks, handedness, model, gesture, value, comparison, debug,
                signals);
    }

    public HandResult withComparison(HandLandmarks value) {
        return new HandResult(id, age, landmarks, worldLandmarks, handedness, model, gesture, mesh, value, debug,
                signals);
    }

    public HandResult withSignals(HandSignals value) {
        return new HandResult(id, age, landmarks, worldLandmarks, handedness, model, gesture, mesh, comparison, debug,
                value);
    }
}
