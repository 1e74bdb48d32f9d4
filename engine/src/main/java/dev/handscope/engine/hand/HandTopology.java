package dev.handscope.engine.hand;

import java.util.Arrays;
import java.util.Locale;

/**
 * The 21-landmark hand as MediaPipe numbers it: joint indices and names, the five fingers, the
 * 20 bones of the tree rooted at the wrist, the palm's outline and the finger colours. The one
 * source for everything that walks a hand (overlay, 3D skeleton, gestures, mesh fitting, readouts).
 * Arrays are shared: read them, never write them.
 */
public final class HandTopology {
    public static final int LANDMARKS = 21;
    public static final int FINGER_COUNT = 5;

    public static final int WRIST = 0;
    public static final int THUMB_CMC = 1;
    public static final int THUMB_MCP = 2;
    public static final int THUMB_IP = 3;
    public static final int THUMB_TIP = 4;
    public static final int INDEX_MCP = 5;
    public static final int INDEX_PIP = 6;
    public static final int INDEX_DIP = 7;
    public static final int INDEX_TIP = 8;
    public static final int MIDDLE_MCP = 9;
    public static final int MIDDLE_PIP = 10;
    public static final int MIDDLE_DIP = 11;
    public static final int MIDDLE_TIP = 12;
    public static final int RING_MCP = 13;
    public static final int RING_PIP = 14;
    public static final int RING_DIP = 15;
    public static final int RING_TIP = 16;
    public static final int PINKY_MCP = 17;
    public static final int PINKY_PIP = 18;
    public static final int PINKY_DIP = 19;
    public static final int PINKY_TIP = 20;

    /** Joint names as MediaPipe spells them, by landmark index. */
    public static final String[] NAMES = {"wrist", "thumb_cmc", "thumb_mcp", "thumb_ip", "thumb_tip",
        "index_finger_mcp", "index_finger_pip", "index_finger_dip", "index_finger_tip",
        "middle_finger_mcp", "middle_finger_pip", "middle_finger_dip", "middle_finger_tip",
        "ring_finger_mcp", "ring_finger_pip", "ring_finger_dip", "ring_finger_tip",
        "pinky_mcp", "pinky_pip", "pinky_dip", "pinky_tip"};

    /** Each finger's four landmarks from the palm out: thumb, index, middle, ring, pinky. */
    public static final int[][] FINGERS = {
        {THUMB_CMC, THUMB_MCP, THUMB_IP, THUMB_TIP},
        {INDEX_MCP, INDEX_PIP, INDEX_DIP, INDEX_TIP},
        {MIDDLE_MCP, MIDDLE_PIP, MIDDLE_DIP, MIDDLE_TIP},
        {RING_MCP, RING_PIP, RING_DIP, RING_TIP},
        {PINKY_MCP, PINKY_PIP, PINKY_DIP, PINKY_TIP},
    };

    /** Each finger's knuckle (MCP joint), by finger; the thumb's is its second landmark. */
    public static final int[] KNUCKLES = {THUMB_MCP, INDEX_MCP, MIDDLE_MCP, RING_MCP, PINKY_MCP};

    /** Each finger's tip, by finger. */
    public static final int[] TIPS = {THUMB_TIP, INDEX_TIP, MIDDLE_TIP, RING_TIP, PINKY_TIP};

    /** The 20 bones as (parent, child): finger by finger, each from the wrist out to the tip; bone b is finger b / 4's. */
    public static final int[][] BONES = bones();

    /**
     * The palm's outline as 2D skeletons draw it (MediaPipe's palm connections): the wrist, the four
     * knuckles and back. It stands in for the wrist-to-knuckle bones, which lie inside the palm.
     */
    public static final int[][] PALM_OUTLINE = {
        {WRIST, INDEX_MCP}, {INDEX_MCP, MIDDLE_MCP}, {MIDDLE_MCP, RING_MCP}, {RING_MCP, PINKY_MCP}, {WRIST, PINKY_MCP}};

    /** sRGB colours (#rrggbb) of each finger's bones, by finger. */
    public static final String[] FINGER_COLOURS = {"#ff8a3d", "#ffd23f", "#3ddc84", "#3db2ff", "#b57bff"};

    /** sRGB colour (#rrggbb) of the palm's outline. */
    public static final String PALM_COLOUR = "#e8e8e8";

    private HandTopology() {
    }

    /** The finger (index into {@link #FINGERS}) bone {@code bone} of {@link #BONES} belongs to. */
    public static int fingerOf(int bone) {
        return bone / 4;
    }

    /** Whether a bone runs from the wrist to a finger's knuckle, inside the palm (the thumb's starts at its CMC instead). */
    public static boolean isPalmBone(int bone) {
        int[] b = BONES[bone];
        return b[0] == WRIST && b[1] == KNUCKLES[fingerOf(bone)];
    }

    /** A joint's name for people: MediaPipe's "index_finger_mcp" reads "index MCP", "pinky_tip" "pinky tip". */
    public static String displayName(int joint) {
        String name = NAMES[joint].replace("_finger", "");
        int split = name.lastIndexOf('_');
        if (split < 0) {
            return name;
        }
        String part = name.substring(split + 1);
        return name.substring(0, split) + " " + ("tip".equals(part) ? part : part.toUpperCase(Locale.ROOT));
    }

    /** The bones not starting at the wrist: the 15 that bend with the fingers, in {@link #BONES}' order. */
    public static int[][] fingerBones() {
        return Arrays.stream(BONES).filter(b -> b[0] != WRIST).toArray(int[][]::new);
    }

    private static int[][] bones() {
        int[][] bones = new int[4 * FINGER_COUNT][];
        for (int f = 0; f < FINGER_COUNT; f++) {
            int parent = WRIST;
            for (int k = 0; k < 4; k++) {
                bones[4 * f + k] = new int[] {parent, FINGERS[f][k]};
                parent = FINGERS[f][k];
            }
        }
        return bones;
    }
}
