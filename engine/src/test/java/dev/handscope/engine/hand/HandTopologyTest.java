package dev.handscope.engine.hand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandTopologyTest {

    @Test
    void twentyOneUniqueNamesInMediaPipesSpelling() {
        assertEquals(HandTopology.LANDMARKS, HandTopology.NAMES.length);
        assertEquals(HandTopology.LANDMARKS, new HashSet<>(Arrays.asList(HandTopology.NAMES)).size());
        assertEquals("wrist", HandTopology.NAMES[HandTopology.WRIST]);
        assertEquals("thumb_cmc", HandTopology.NAMES[HandTopology.THUMB_CMC]);
        assertEquals("index_finger_mcp", HandTopology.NAMES[HandTopology.INDEX_MCP]);
        assertEquals("middle_finger_tip", HandTopology.NAMES[HandTopology.MIDDLE_TIP]);
        assertEquals("pinky_tip", HandTopology.NAMES[HandTopology.PINKY_TIP]);
    }

    @Test
    void displayNamesAreTheOnesTheWindowShows() {
        String[] shown = {"wrist", "thumb CMC", "thumb MCP", "thumb IP", "thumb tip",
            "index MCP", "index PIP", "index DIP", "index tip", "middle MCP", "middle PIP", "middle DIP", "middle tip",
            "ring MCP", "ring PIP", "ring DIP", "ring tip", "pinky MCP", "pinky PIP", "pinky DIP", "pinky tip"};
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            assertEquals(shown[i], HandTopology.displayName(i));
        }
    }

    @Test
    void twentyBonesFormATreeRootedAtTheWrist() {
        assertEquals(HandTopology.LANDMARKS - 1, HandTopology.BONES.length);
        int[] parent = new int[HandTopology.LANDMARKS];
        Arrays.fill(parent, -1);
        for (int[] bone : HandTopology.BONES) {
            assertEquals(-1, parent[bone[1]], "landmark " + bone[1] + " has one parent");
            assertTrue(bone[1] != HandTopology.WRIST, "the wrist is the root");
            parent[bone[1]] = bone[0];
        }
        // Every landmark reaches the wrist by its parents (no cycles: at most 20 steps).
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            int at = i;
            for (int steps = 0; at != HandTopology.WRIST; steps++) {
                assertTrue(steps < HandTopology.LANDMARKS, "landmark " + i + " reaches the wrist");
                at = parent[at];
                assertTrue(at >= 0, "landmark " + i + " hangs on the tree");
            }
        }
    }

    @Test
    void eachFingerIsAChainFromTheWristToItsTip() {
        Set<Integer> seen = new HashSet<>();
        for (int f = 0; f < HandTopology.FINGER_COUNT; f++) {
            int[] chain = HandTopology.FINGERS[f];
            assertEquals(4, chain.length);
            assertEquals(HandTopology.TIPS[f], chain[3]);
            int knuckle = HandTopology.KNUCKLES[f];
            assertTrue(Arrays.stream(chain).anyMatch(j -> j == knuckle), "finger " + f + "'s knuckle");
            int previous = HandTopology.WRIST;
            for (int k = 0; k < 4; k++) {
                assertTrue(seen.add(chain[k]), "landmark " + chain[k] + " in one finger");
                int bone = 4 * f + k;
                assertArrayEquals(new int[] {previous, chain[k]}, HandTopology.BONES[bone]);
                assertEquals(f, HandTopology.fingerOf(bone));
                previous = chain[k];
            }
        }
        assertEquals(HandTopology.LANDMARKS - 1, seen.size(), "the fingers cover every landmark but the wrist");
    }

    @Test
    void palmBonesAreTheFourWristToKnuckleBones() {
        int[][] palm = {{HandTopology.WRIST, HandTopology.INDEX_MCP}, {HandTopology.WRIST, HandTopology.MIDDLE_MCP},
            {HandTopology.WRIST, HandTopology.RING_MCP}, {HandTopology.WRIST, HandTopology.PINKY_MCP}};
        int count = 0;
        for (int b = 0; b < HandTopology.BONES.length; b++) {
            if (HandTopology.isPalmBone(b)) {
                assertArrayEquals(palm[count++], HandTopology.BONES[b]);
            }
        }
        assertEquals(4, count);
        assertEquals(15, HandTopology.fingerBones().length, "the bones that bend with the fingers");
    }

    @Test
    void aColourPerFingerAndThePalm() {
        assertEquals(HandTopology.FINGER_COUNT, HandTopology.FINGER_COLOURS.length);
        Set<String> colours = new HashSet<>(Arrays.asList(HandTopology.FINGER_COLOURS));
        colours.add(HandTopology.PALM_COLOUR);
        assertEquals(HandTopology.FINGER_COUNT + 1, colours.size());
        colours.forEach(c -> assertTrue(c.matches("#[0-9a-f]{6}"), c + " is #rrggbb"));
    }
}
