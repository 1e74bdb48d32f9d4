package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;
import java.util.Locale;

/** The finger a joint belongs to; the wrist belongs to none. */
public enum Finger {
    THUMB, INDEX, MIDDLE, RING, PINKY;

    /** The finger of a joint in MediaPipe's order, or null for the wrist. */
    public static Finger of(int joint) {
        if (joint < 0 || joint >= HandTopology.LANDMARKS) {
            throw new IllegalArgumentException("a hand has joints 0 to 20, not " + joint);
        }
        return joint == 0 ? null : values()[(joint - 1) / 4];
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
