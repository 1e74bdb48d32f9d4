package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.settings.SettingsStore;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.ui.viewmodel.MinedSnapshot;
import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.mining.MiningOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * E turns failure mining on: on the test video, with bone lengths allowed to vary by 1 % only, a
 * bone-length trigger fires, its snapshot (frame, results, settings, trigger.json) lands in a
 * mining folder under failures/, the window lists it, and the setting is saved.
 */
@ExtendWith(ApplicationExtension.class)
class MiningWindowTest {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "hand_landmarker_test_video.mp4");

    @org.junit.jupiter.api.io.TempDir
    static Path data;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    private TestWindow opened;

    @Start
    void start(Stage stage) {
        System.setProperty("handscope.data", data.toString());
        MiningOptions tight = new MiningOptions(0.6, 0.25, 0.3, 0.99, 1.01, 2, 2_000_000_000L);
        opened = TestWindow.open(stage, config, new WindowOptions(SourceSpec.parse(VIDEO.toString()), null,
                CaptureOptions.defaults().withLoop(true), null, 1, TrackingSetup.defaults()).withMining(tight));
    }

    @Stop
    void stop() {
        opened.close();
    }

    private static Stream<Path> triggerFiles() throws Exception {
        Path failures = data.resolve("failures");
        return Files.isDirectory(failures)
                ? Files.walk(failures).filter(p -> p.getFileName().toString().equals("trigger.json")) : Stream.empty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void miningSavesAndListsASnapshotWithItsTrigger(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup("#settings-toggle").queryAs(ToggleButton.class));
        ListView<MinedSnapshot> list = robot.lookup("#mined-failures").queryAs(ListView.class);
        assertTrue(list.getItems().isEmpty(), "nothing mined while mining is off");
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        MinedSnapshot first = list.getItems().get(0);
        Path folder = first.folder();
        assertTrue(folder.getParent().getFileName().toString().startsWith("mined-"), folder.toString());
        assertTrue(folder.startsWith(data.resolve("failures")), folder.toString());
        for (String file : new String[] {"frame.png", "results.json", "settings.json", "trigger.json"}) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), file + " in " + folder);
        }
        String trigger = Files.readString(folder.resolve("trigger.json"));
        assertTrue(trigger.contains("\"key\" : \"" + first.trigger() + "\""), trigger);
        assertTrue(trigger.contains("\"hand\" : " + first.handId()), trigger);
        try (Stream<Path> files = triggerFiles()) {
            assertTrue(files.findAny().isPresent());
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new SettingsStore(config.resolve("settings.json")).load().settings().mineFailures());

        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !new SettingsStore(config.resolve("settings.json")).load().settings().mineFailures());
        assertFalse(list.getItems().isEmpty(), "what was mined stays listed");
    }
}
