package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.render.video.NoticePane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
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

/** What the debug tools write follows the window as the user set it up, and a failing recording is said at once. */
@ExtendWith(ApplicationExtension.class)
class DebugCaptureWindowTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg");

    private TestWindow opened;
    private Stage stage;

    @org.junit.jupiter.api.io.TempDir
    Path data;

    @org.junit.jupiter.api.io.TempDir
    Path config;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty("handscope.data", data.toString());
        opened = TestWindow.open(stage, config, TestWindow.trackingStill(IMAGE));
    }

    @Stop
    void stop() {
        opened.close();
    }

    /** Lookups in this test's own window (other test classes' windows may still exist). */
    private <T extends javafx.scene.Node> T find(FxRobot robot, String query, Class<T> type) {
        return robot.from(stage.getScene().getRoot()).lookup(query).queryAs(type);
    }

    @Test
    void aFailureSnapshotRecordsTheModelAndTrackerOptionsInEffect(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> find(robot, "#hands", Label.class).getText().equals("hands 2"));
        robot.interact(() -> find(robot, "#settings-toggle", ToggleButton.class).setSelected(true));
        @SuppressWarnings("unchecked")
        ChoiceBox<String> model = find(robot, "#settings-model", ChoiceBox.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> hands = find(robot, "#settings-num-hands", Spinner.class);
        robot.interact(() -> model.setValue("lite"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> find(robot, "#tracking", Label.class).getText().startsWith("lite"));
        robot.interact(() -> hands.getValueFactory().setValue(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> find(robot, "#hands", Label.class).getText().equals("hands 1"));

        robot.type(KeyCode.F);
        // Said once every file is written.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> find(robot, "#tracking", Label.class).getText()
                .contains("snapshot in"));
        JsonNode settings;
        try (var folders = Files.list(data.resolve("failures"))) {
            settings = new ObjectMapper().readTree(folders.findFirst().orElseThrow().resolve("settings.json").toFile());
        }
        assertEquals("lite", settings.get("model").asText(), settings.toString());
        assertTrue(settings.get("device").asText().startsWith("lite"), settings.toString());
        assertTrue(settings.get("tracker").asText().contains("numHands=1"), settings.toString());
    }

    @Test
    void aRecordingThatFailsWhileWritingIsSaidAtOnceAndItsFilesAreKept(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> find(robot, "#hands", Label.class).getText().equals("hands 2"));
        // A full disk for the results: every name a recording started in the next minutes would get.
        Path recordings = Files.createDirectories(data.resolve("recordings"));
        LocalDateTime now = LocalDateTime.now();
        for (int s = -5; s < 300; s++) {
            String name = now.plusSeconds(s).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Files.createSymbolicLink(recordings.resolve(name + ".jsonl"), Path.of("/dev/full"));
        }
        MenuButton debug = find(robot, "#debug-menu", MenuButton.class);
        CheckMenuItem record = (CheckMenuItem) debug.getItems().stream().filter(i -> "record".equals(i.getId()))
                .findFirst().orElseThrow();

        robot.type(KeyCode.V);
        assertTrue(record.isSelected(), "recording started");
        NoticePane message = find(robot, "#message", NoticePane.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, message::isVisible); // at once: no second V needed
        String text = message.messageText();
        assertTrue(text.contains("No space left on device"), text);
        Path video;
        try (var files = Files.list(recordings)) {
            video = files.filter(p -> p.toString().endsWith(".mkv")).findFirst().orElseThrow();
        }
        String name = video.getFileName().toString().replace(".mkv", "");
        assertTrue(text.contains(video.toString()) && text.contains(recordings.resolve(name + ".jsonl").toString()),
                "the files kept are named: " + text);
        assertFalse(record.isSelected(), "the recording is off");
        try (var source = dev.handscope.engine.capture.VideoFileSource.open(video)) {
            assertEquals(640, source.info().width(), "the frames written before the failure stay playable");
        }
    }
}
