package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.render.hud.Hud;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/** P turns head pose on while tracking runs: the face stage joins the pipeline and the HUD times it. */
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
    void start(Stage stage) {
        System.setProperty("handscope.data", data.toString());
        opened = TestWindow.open(stage, config, TestWindow.trackingStill(IMAGE));
    }

    @Stop
    void stop() {
        opened.close();
    }

    private static boolean hudShowsFaces(FxRobot robot) {
        Hud hud = robot.lookup(".hud").queryAs(Hud.class);
        return robot.from(hud).lookup((Label label) -> "faces".equals(label.getText())).tryQuery().isPresent();
    }

    @Test
    void pressingPTracksTheFaceBesideTheHands(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        assertTrue(!hudShowsFaces(robot), "no face stage before P");
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> hudShowsFaces(robot));
    }
}
