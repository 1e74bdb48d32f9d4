package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;

/**
 * The joint classes error is broken down by (EHPE's table): the wrist, then each finger's four points
 * from its base to its tip. The thumb's CMC, MCP and IP count as its MCP, PIP and DIP, the usual
 * convention for 21-point hands.
 */
public enum JointClass {
    WRIST, MCP, PIP, DIP, TIP;

    /** The class of a joint in MediaPipe's order (0 wrist, then 4 per finger from base to tip). */
    public static JointClass of(int joint) {
        if (joint < 0 || joint >= HandTopology.LANDMARKS) {
            throw new IllegalArgumentException("a hand has joints 0 to 20, not " + joint);
        }
        return joint == 0 ? WRIST : values()[(joint - 1) % 4 + 1];
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
