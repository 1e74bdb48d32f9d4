package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.concurrent.UiTaskExecutor;
import dev.handscope.app.settings.Settings;
import dev.handscope.app.settings.SettingsStore;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.render.video.NoticePane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Settings survive a restart; a damaged settings file is reported and replaced by defaults. */
class SettingsWindowTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg");
    private final FxRobot robot = new FxRobot();
    private MainWindow window;
    private UiTaskExecutor executor;
    private Stage stage;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    @org.junit.jupiter.api.BeforeAll
    static void ownConfigFolder() {
        System.setProperty("handscope.config", config.toString());
    }

    private void open() throws Exception {
        open(TrackingSetup.disabled());
    }

    private void open(TrackingSetup tracking) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        executor = new UiTaskExecutor();
        FxToolkit.setupFixture(() -> {
            WindowOptions options = new WindowOptions(SourceSpec.parse(IMAGE.toString()), null,
                    CaptureOptions.defaults(), null, 1, tracking);
            window = new MainWindow(stage, options, executor, code -> { });
            window.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            window.close();
            executor.close();
        });
    }

    /** Lookups in this test's own window (other test classes' windows may still exist). */
    private org.testfx.service.query.NodeQuery find(String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query);
    }

    private static SettingsStore store() {
        return SettingsStore.standard();
    }

    @Test
    void changedSettingsAreSavedAndComeBackNextTime() throws Exception {
        Files.deleteIfExists(store().file());
        open();
        robot.clickOn(find("#settings-toggle").queryAs(ToggleButton.class));
        @SuppressWarnings("unchecked")
        Spinner<Integer> hands = find("#settings-num-hands").queryAs(Spinner.class);
        robot.interact(() -> hands.getValueFactory().setValue(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(store().file())
                && store().load().settings().numHands() == 1);
        robot.clickOn(find(".video-view").queryAs(javafx.scene.Node.class));
        robot.type(javafx.scene.input.KeyCode.H); // the HUD toggle is a setting too
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !store().load().settings().hud());
        close();

        open();
        robot.clickOn(find("#settings-toggle").queryAs(ToggleButton.class));
        @SuppressWarnings("unchecked")
        Spinner<Integer> again = find("#settings-num-hands").queryAs(Spinner.class);
        assertEquals(1, again.getValue());
        assertTrue(!find("#hud").query().isVisible(), "the HUD stays hidden as left");
        assertTrue(find("#settings-toggle").queryAs(ToggleButton.class).isSelected());
    }

    /** A bad target is named under its field and not taken; a good one is, with its switch, saved. */
    @Test
    void outputTargetsAreCheckedAndTheSwitchesSaved() throws Exception {
        Files.deleteIfExists(store().file());
        open();
        robot.clickOn(find("#settings-toggle").queryAs(ToggleButton.class));
        javafx.scene.control.TextField osc = find("#settings-osc-targets").queryAs(javafx.scene.control.TextField.class);
        assertEquals("127.0.0.1:9000", osc.getText(), "the default target");
        robot.interact(() -> {
            osc.setText("localhost:70000");
            osc.getOnAction().handle(new javafx.event.ActionEvent());
        });
        assertEquals("port 70000 in 'localhost:70000' is out of range (1 to 65535)",
                find("#settings-output-problem").queryAs(javafx.scene.control.Label.class).getText());
        robot.interact(() -> {
            osc.setText("127.0.0.1:9100");
            osc.getOnAction().handle(new javafx.event.ActionEvent());
            find("#settings-osc").queryAs(CheckBox.class).setSelected(true);
        });
        assertEquals("", find("#settings-output-problem").queryAs(javafx.scene.control.Label.class).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store().load().settings().osc()
                && store().load().settings().oscTargets().equals("127.0.0.1:9100"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !find("#settings-output-status")
                .queryAs(javafx.scene.control.Label.class).getText().isEmpty());
        close();

        open();
        robot.clickOn(find("#settings-toggle").queryAs(ToggleButton.class));
        assertTrue(find("#settings-osc").queryAs(CheckBox.class).isSelected(), "restored");
        assertEquals("127.0.0.1:9100", find("#settings-osc-targets").queryAs(javafx.scene.control.TextField.class)
                .getText());
    }

    /** The saved head pose switch comes back; --head-pose or --faces wins for its run and is not saved. */
    @Test
    void theSavedHeadPoseSwitchComesBackUnlessTheCommandLineSaysOtherwise() throws Exception {
        store().save(new Settings(2, "full", 0.5, 0.5, 0.5, true, 0.05, true, false, true, true, false, true, true,
                "default", true, false));
        open();
        robot.clickOn(find("#settings-toggle").queryAs(ToggleButton.class));
        assertTrue(find("#settings-head-pose").queryAs(CheckBox.class).isSelected(), "restored from the saved file");
        close();

        TrackingSetup off = TrackingSetup.disabled();
        open(new TrackingSetup(false, off.variant(), off.runtime(), off.tracker(), off.fovDegrees(), null, false, null,
                null, null, null, 0, true, null, null, Double.NaN)); // as with --faces 0
        robot.clickOn(find("#settings-toggle").queryAs(ToggleButton.class));
        assertTrue(!find("#settings-head-pose").queryAs(CheckBox.class).isSelected(), "the command line wins");
        @SuppressWarnings("unchecked")
        Spinner<Integer> hands = find("#settings-num-hands").queryAs(Spinner.class);
        robot.interact(() -> hands.getValueFactory().setValue(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store().load().settings().numHands() == 3);
        assertTrue(store().load().settings().headPose(), "another change saves the saved switch, not the option's");
    }

    @Test
    void corruptSettingsAreReportedAndDefaultsUsed() throws Exception {
        Files.createDirectories(store().file().getParent());
        Files.writeString(store().file(), "{ this is not json");
        open();
        NoticePane notice = find("#message").queryAs(NoticePane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, notice::isVisible);
        assertTrue(notice.messageText().contains("settings.json could not be used"), notice.messageText());
        assertTrue(Files.exists(store().file().resolveSibling("settings.json.broken")));
        robot.clickOn(find("#message-ok").queryAs(javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!notice.isVisible(), "the message can be dismissed");
        robot.clickOn(find("#settings-toggle").queryAs(ToggleButton.class));
        @SuppressWarnings("unchecked")
        Spinner<Integer> hands = find("#settings-num-hands").queryAs(Spinner.class);
        assertEquals(Settings.defaults().numHands(), hands.getValue());
    }

    @Test
    void aGestureSetThatCannotBeImportedAtStartIsShown() throws Exception {
        Path set = config.resolve("not-a-set.json");
        Files.writeString(set, "{\"format\":\"something-else\"}");
        TrackingSetup off = TrackingSetup.disabled();
        open(new TrackingSetup(false, off.variant(), off.runtime(), off.tracker(), off.fovDegrees(), null, false, null,
                set, null, null, 0, false, null, null, Double.NaN));
        NoticePane notice = find("#message").queryAs(NoticePane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, notice::isVisible);
        assertEquals(set + " was not imported: not a HandScope gesture set (\"format\": \"handscope-gestures\" missing)",
                notice.messageText());
    }
}
