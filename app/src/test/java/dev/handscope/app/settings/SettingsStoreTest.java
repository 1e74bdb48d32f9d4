package dev.handscope.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @Test
    void savedSettingsComeBack(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("cfg").resolve("settings.json"));
        assertEquals(Settings.defaults(), store.load().settings(), "no file yet: defaults");
        Settings mine = new Settings(1, "lite", 0.6, 0.4, 0.3, false, 0.2, false, true, false, false, true, false, true,
                "1280x720");
        store.save(mine);
        SettingsStore.Loaded loaded = store.load();
        assertEquals(mine, loaded.settings());
        assertNull(loaded.problem());
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
}
