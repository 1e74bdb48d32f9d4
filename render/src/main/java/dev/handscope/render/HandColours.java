package dev.handscope.render;

import dev.handscope.engine.hand.HandTopology;
import javafx.scene.paint.Color;

/** {@link HandTopology}'s finger and palm colours as JavaFX colours, parsed once. */
public final class HandColours {
    private static final Color PALM = Color.web(HandTopology.PALM_COLOUR);
    private static final Color[] FINGERS = new Color[HandTopology.FINGER_COUNT];

    static {
        for (int f = 0; f < FINGERS.length; f++) {
            FINGERS[f] = Color.web(HandTopology.FINGER_COLOURS[f]);
        }
    }

    private HandColours() {
    }

    /** The colour of finger {@code finger}'s bones (thumb 0 ... pinky 4). */
    public static Color finger(int finger) {
        return FINGERS[finger];
    }

    /** The colour of the palm's outline. */
    public static Color palm() {
        return PALM;
    }
}
