package dev.handscope.engine.mesh;

import static dev.handscope.engine.hand.HandTopology.*;

import dev.handscope.engine.hand.HandTopology;

/**
 * The hand's 16 joints in MANO's order and their hierarchy, with the 21 MediaPipe landmarks
 * mapped onto them: 0 wrist; 1-3 index; 4-6 middle; 7-9 pinky; 10-12 ring; 13-15 thumb
 * (each finger: base joint, middle joint, end joint). Fingertips are 5 extra points.
 */
public final class HandSkeleton {
    public static final int JOINTS = 16;
    public static final int TIPS = 5;

    /** Parent of each joint; -1 for the wrist. */
    public static final int[] PARENTS = {-1, 0, 1, 2, 0, 4, 5, 0, 7, 8, 0, 10, 11, 0, 13, 14};

    /** MediaPipe landmark index of each MANO joint. */
    public static final int[] LANDMARK_OF_JOINT = {WRIST, INDEX_MCP, INDEX_PIP, INDEX_DIP,
        MIDDLE_MCP, MIDDLE_PIP, MIDDLE_DIP, PINKY_MCP, PINKY_PIP, PINKY_DIP, RING_MCP, RING_PIP, RING_DIP,
        THUMB_CMC, THUMB_MCP, THUMB_IP};

    /** Fingertips in MANO's tip order (thumb, index, middle, ring, pinky) as MediaPipe landmarks. */
    public static final int[] TIP_LANDMARKS = HandTopology.TIPS;

    /** The five fingers as chains of three joints, thumb first, then index, middle, ring, pinky. */
    public static final int[][] FINGERS = {{13, 14, 15}, {1, 2, 3}, {4, 5, 6}, {10, 11, 12}, {7, 8, 9}};

    private HandSkeleton() {
    }

    /** The joint a tip continues (the finger's end joint), by tip order. */
    public static int tipParent(int tip) {
        return FINGERS[tip][2];
    }
}
