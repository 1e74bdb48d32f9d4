package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.settings.SettingsStore;
import dev.handscope.render.hud.Hud;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
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
 * P, or the Settings switch, turns head pose on while tracking runs: the face stage joins the pipeline
 * and the HUD times it.
 */
@ExtendWith(ApplicationExtension.class)
class HeadPoseWindowTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg");

    @org.junit.jupiter.api.io.TempDir
    static Path data;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    private TestWindow opened;

    @Start
    void start(Stage stage) throws java.io.IOException {
        System.setProperty("handscope.data", data.toString());
        // Each window its own settings: the switch is saved, and each test starts with it off.
        opened = TestWindow.open(stage, java.nio.file.Files.createTempDirectory(config, "window"),
                TestWindow.trackingStill(IMAGE));
    }

    @Stop
    void stop() {
        opened.close();
    }

    private static boolean hudShowsFaces(FxRobot robot) {
        Hud hud = robot.lookup(".hud").queryAs(Hud.class);
        return robot.from(hud).lookup((Label label) -> "faces".equals(label.getText())).tryQuery().isPresent();
    }

    private static void waitForHands(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
    }

    @Test
    void pressingPTracksTheFaceBesideTheHands(FxRobot robot) throws Exception {
        waitForHands(robot);
        assertTrue(!hudShowsFaces(robot), "no face stage before P");
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> hudShowsFaces(robot));
    }

    @Test
    void theSettingsSwitchTracksTheFaceAsPDoesAndIsSaved(FxRobot robot) throws Exception {
        waitForHands(robot);
        robot.clickOn("#settings-toggle");
        CheckBox headPose = robot.lookup("#settings-head-pose").queryAs(CheckBox.class);
        assertTrue(!headPose.isSelected() && !hudShowsFaces(robot), "head pose off at first");
        robot.clickOn(headPose);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> hudShowsFaces(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> SettingsStore.standard().load().settings().headPose());
    }
}
