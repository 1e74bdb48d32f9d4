package dev.handscope.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @Test
    void savedSettingsComeBack(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("cfg").resolve("settings.json"));
        assertEquals(Settings.defaults(), store.load().settings(), "no file yet: defaults");
        Settings mine = new Settings(1, "lite", 0.6, 0.4, 0.3, false, 0.2, false, true, false, false, true, false, true,
                "1280x720", true, true);
        store.save(mine);
        SettingsStore.Loaded loaded = store.load();
        assertEquals(mine, loaded.settings());
        assertNull(loaded.problem());
    }

    /** A file from before head pose was a setting loads with it off, and the saved switch is read back. */
    @Test
    void aFileWithoutHeadPoseLoadsWithItOffAndTheSavedSwitchComesBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"numHands\": 1, \"model\": \"lite\", \"show3d\": false,"
                + " \"cameraSize\": \"640x480\" }");
        SettingsStore store = new SettingsStore(file);
        SettingsStore.Loaded old = store.load();
        assertNull(old.problem());
        assertEquals(1, old.settings().numHands());
        assertEquals("640x480", old.settings().cameraSize());
        assertEquals(false, old.settings().headPose());
        Settings on = new Settings(1, "lite", 0.5, 0.5, 0.5, true, 0.05, false, false, true, true, false, true, true,
                "640x480", true, false);
        store.save(on);
        assertTrue(Files.readString(file).contains("\"headPose\" : true"), Files.readString(file));
        assertEquals(on, store.load().settings());
    }

    /** A file from before the OSC and VMC outputs loads with both off, at their default targets. */
    @Test
    void aFileWithoutOutputsLoadsWithThemOff(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"numHands\": 1, \"headPose\": true }");
        SettingsStore store = new SettingsStore(file);
        Settings old = store.load().settings();
        assertEquals(false, old.osc());
        assertEquals(false, old.vmc());
        assertEquals("127.0.0.1:9000", old.oscTargets());
        assertEquals("127.0.0.1:39539", old.vmcTarget());
        Settings on = old.withOutputs(true, "9001, 10.0.0.2:9002", true, "localhost");
        store.save(on);
        assertEquals(on, store.load().settings());
    }

    @Test
    void corruptFileIsReportedMovedAsideAndReplacedByDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"numHands\": 2, \"model\": ");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        assertEquals(Settings.defaults(), loaded.settings());
        assertTrue(loaded.problem().startsWith(file + " could not be used"), loaded.problem());
        assertTrue(Files.exists(dir.resolve("settings.json.broken")), "the damaged file is kept for the user");
        assertTrue(Files.notExists(file));

        Files.writeString(file, "{ \"numHands\": 9, \"model\": \"full\" }");
        SettingsStore.Loaded invalid = new SettingsStore(file).load();
        assertEquals(Settings.defaults(), invalid.settings());
        assertTrue(invalid.problem().contains("numHands must be 1 to 4"), invalid.problem());
    }

    @Test
    void aSecondDamagedFileDoesNotOverwriteTheFirstKeptCopy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "first damaged {");
        new SettingsStore(file).load();
        Files.writeString(file, "second damaged [");
        String problem = new SettingsStore(file).load().problem();
        assertEquals("first damaged {", Files.readString(dir.resolve("settings.json.broken")));
        assertEquals("second damaged [", Files.readString(dir.resolve("settings.json.broken-2")));
        assertTrue(problem.endsWith("It was moved to " + dir.resolve("settings.json.broken-2") + "."), problem);
    }

    @Test
    void aNamedPipeIsLeftAloneInsteadOfHangingTheStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo made the test's pipe");
        SettingsStore store = new SettingsStore(file);
        SettingsStore.Loaded loaded = assertTimeoutPreemptively(Duration.ofSeconds(5), store::load,
                "reading a named pipe would block until something writes to it");
        assertEquals(Settings.defaults(), loaded.settings());
        assertTrue(loaded.problem().contains("a named pipe or device, not a regular file"), loaded.problem());
        assertTrue(Files.exists(file) && !Files.isRegularFile(file), "the pipe is where it was");
        assertTrue(Files.notExists(dir.resolve("settings.json.broken")));
        IOException refused = assertThrows(IOException.class, () -> store.save(Settings.defaults()));
        assertTrue(refused.getMessage().contains("left as it is"), refused.getMessage());
        assertTrue(!Files.isRegularFile(file), "saving did not replace the pipe");
    }

    @Test
    void aFileThatCannotBeReadIsKeptAndNotWrittenOver(@TempDir Path dir) throws Exception {
        // Root reads any file whatever its permission bits, so the unreadable file is one the kernel
        // itself refuses to read: a link to /proc/self/clear_refs (a regular, write-only file).
        Path file = dir.resolve("settings.json");
        Files.createSymbolicLink(file, Path.of("/proc/self/clear_refs"));
        SettingsStore store = new SettingsStore(file);
        SettingsStore.Loaded loaded = store.load();
        assertEquals(Settings.defaults(), loaded.settings());
        assertTrue(loaded.problem().startsWith(file + " cannot be read"), loaded.problem());
        assertTrue(loaded.problem().contains("left as it is"), loaded.problem());
        assertTrue(Files.isSymbolicLink(file), "the unreadable file is not moved aside as if it were damaged");
        assertTrue(Files.notExists(dir.resolve("settings.json.broken")));
        assertThrows(IOException.class, () -> store.save(Settings.defaults()));
        assertTrue(Files.isSymbolicLink(file), "nor replaced by a save");
    }

    @Test
    void anOlderFileWithoutMiningLoadsWithMiningOff(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.json");
        java.nio.file.Files.writeString(file, "{\"numHands\": 1, \"hud\": false}");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        assertEquals(null, loaded.problem());
        assertEquals(1, loaded.settings().numHands());
        assertEquals(false, loaded.settings().mineFailures());
    }
}
