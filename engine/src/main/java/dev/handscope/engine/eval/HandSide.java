package dev.handscope.engine.eval;

import dev.handscope.engine.landmarks.Handedness;

/** Which physical hand a label or prediction is (as seen in the unmirrored image). */
public enum HandSide {
    LEFT, RIGHT;

    /** From a model's handedness, or null when it gives none. */
    public static HandSide of(Handedness handedness) {
        if (handedness == null) {
            return null;
        }
        return Handedness.RIGHT.equals(handedness.label()) ? RIGHT : LEFT;
    }
}
