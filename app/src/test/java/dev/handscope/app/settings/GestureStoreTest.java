package dev.handscope.app.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.gesture.UserGestures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gesture sets on disk: what is saved comes back exactly; damaged files are named and never fatal. */
class GestureStoreTest {

    private static float[] pose(float seed) {
        float[] pose = new float[63];
        for (int i = 0; i < 63; i++) {
            pose[i] = (float) Math.sin(seed + i * 0.37);
        }
        return pose;
    }

    @Test
    void savedGesturesComeBackExactly(@TempDir Path dir) throws Exception {
        UserGestures mine = new UserGestures();
        mine.put("shaka", List.of(pose(1), pose(2)));
        mine.put("two_fingers", List.of(pose(3)));
        mine.setThreshold(0.45);
        GestureStore store = new GestureStore(dir.resolve("cfg").resolve("gestures.json"));
        store.save(mine);
        UserGestures loaded = new UserGestures();
        assertNull(store.load(loaded));
        assertEquals(List.of("shaka", "two_fingers"), List.copyOf(loaded.samples().keySet()), "names in taught order");
        assertArrayEquals(pose(2), loaded.samples().get("shaka").get(1));
        assertEquals(0.45, loaded.threshold());
    }

    @Test
    void damagedFileIsReportedMovedAsideAndLeavesNoGestures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gestures.json");
        Files.writeString(file, "{ \"format\": \"handscope-gestures\", \"gestures\": [");
        UserGestures gestures = new UserGestures();
        gestures.put("old", List.of(pose(1)));
        String problem = new GestureStore(file).load(gestures);
        assertTrue(problem.startsWith(file + " could not be used"), problem);
        assertTrue(Files.exists(dir.resolve("gestures.json.broken")), "the damaged file is kept for the user");
        assertTrue(Files.notExists(file));
    }

    @Test
    void wrongPosesAreNamedPrecisely(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("set.json");
        Files.writeString(file, "{\"format\":\"handscope-gestures\",\"version\":1,\"gestures\":[{\"name\":\"wave\","
                + "\"poses\":[[1,2,3]]}]}");
        IllegalArgumentException shortPose = assertThrows(IllegalArgumentException.class, () -> GestureStore.read(file));
        assertEquals("gesture 'wave' pose 0 has 3 numbers; a pose is 63 (21 landmarks x 3)", shortPose.getMessage());
        Files.writeString(file, "{\"format\":\"something-else\"}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GestureStore.read(file)).getMessage()
                .startsWith("not a HandScope gesture set"));
        Files.writeString(file, "{\"format\":\"handscope-gestures\",\"version\":1,\"gestures\":[{\"name\":\"Big Wave\"}]}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GestureStore.read(file)).getMessage()
                .contains("'Big Wave'"));
    }
}
