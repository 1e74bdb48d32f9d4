package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.FamilyFolders;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.render.hud.HandReadouts;
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

/**
 * The window tracking with a one-stage YOLO-pose model folder (built so its two hands are known), and
 * its A/B view against the bundled MediaPipe landmark model on the same hands: across families.
 */
@ExtendWith(ApplicationExtension.class)
class ModelFamilyWindowTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg");

    @org.junit.jupiter.api.io.TempDir
    static Path data;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    @org.junit.jupiter.api.io.TempDir
    static Path models;

    private TestWindow opened;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("handscope.data", data.toString());
        Path yolo = FamilyFolders.yoloFolder(models.resolve("yolo-test"));
        TrackingSetup base = TrackingSetup.defaults();
        TrackingSetup setup = new TrackingSetup(true, base.variant(), base.runtime(), base.tracker(), base.fovDegrees(),
                null, true, null, null, yolo, null, 0, false, null, null, Double.NaN);
        WindowOptions still = TestWindow.trackingStill(IMAGE);
        opened = TestWindow.open(stage, config, new WindowOptions(still.source(), still.mirror(), still.capture(),
                still.snapshot(), still.snapshotAfter(), setup, still.serve()));
    }

    @Stop
    void stop() {
        opened.close();
    }

    @Test
    void aYoloPoseFolderTracksTwoHandsAndComparesWithMediaPipesLandmarks(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        String tracking = robot.lookup("#tracking").queryAs(Label.class).getText();
        assertTrue(tracking.startsWith("yolo-test"), "the status bar names the model folder: " + tracking);
        robot.type(KeyCode.A);
        HandReadouts readouts = robot.lookup("#readouts").queryAs(HandReadouts.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> readouts.texts().size() == 2 && readouts.texts().stream().allMatch(t -> t.contains("A/B")));
    }
}
