package dev.handscope.app.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.gesture.UserGestures;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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

    @Test
    void aFileFromANewerHandScopeIsLeftAloneAndNotWrittenOver(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gestures.json");
        String newer = "{\"format\":\"handscope-gestures\",\"version\":2,\"gestures\":[],\"hands\":\"both\"}";
        Files.writeString(file, newer);
        GestureStore store = new GestureStore(file);
        UserGestures gestures = new UserGestures();
        String problem = store.load(gestures);
        assertTrue(problem.contains("newer HandScope"), problem);
        assertTrue(problem.contains("left as it is"), problem);
        assertTrue(Files.notExists(dir.resolve("gestures.json.broken")), "a newer file is not damaged");
        gestures.put("taught_now", List.of(pose(1)));
        IOException refused = assertThrows(IOException.class, () -> store.save(gestures));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertEquals(newer, Files.readString(file), "the newer file is unchanged");

        IllegalArgumentException imported = assertThrows(IllegalArgumentException.class, () -> GestureStore.read(file));
        assertEquals("this gesture set is version 2, from a newer HandScope; this one reads version 1."
                + " Update HandScope to use it", imported.getMessage());
    }

    @Test
    void importingANamedPipeFailsAtOnce(@TempDir Path dir) throws Exception {
        Path pipe = dir.resolve("set.json");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        IOException refused = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IOException.class, () -> GestureStore.read(pipe)));
        assertEquals("a named pipe or device, not a regular file", refused.getMessage());
    }
}
