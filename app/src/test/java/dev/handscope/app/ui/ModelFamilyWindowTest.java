package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.engine.testmodels.ConstantModels;
import dev.handscope.render.hud.HandReadouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    private static final int SIDE = 64;

    @org.junit.jupiter.api.io.TempDir
    static Path data;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    @org.junit.jupiter.api.io.TempDir
    static Path models;

    private TestWindow opened;

    /** Two upright hands (circles of keypoints, wrist below) at (20, 20) and (45, 40) input pixels. */
    static Path yoloFolder(Path dir) throws Exception {
        int values = 4 + 1 + 3 * 21;
        float[][] centres = {{20, 20}, {45, 40}};
        float[] out = new float[values * 2];
        for (int c = 0; c < 2; c++) {
            float[] box = {centres[c][0], centres[c][1], 14, 16, 0.9f - 0.1f * c};
            for (int v = 0; v < 5; v++) {
                out[v * 2 + c] = box[v];
            }
            for (int i = 0; i < 21; i++) {
                double angle = 2 * Math.PI * i / 21;
                out[(5 + 3 * i) * 2 + c] = (float) (centres[c][0] + (i == 0 ? 0 : 5 * Math.sin(angle)));
                out[(6 + 3 * i) * 2 + c] = (float) (centres[c][1] + (i == 0 ? 6 : -5 * Math.cos(angle)));
                out[(7 + 3 * i) * 2 + c] = 0.9f;
            }
        }
        ConstantModels.export(dir, "image", SIDE, SIDE,
                Map.of("output0", new ConstantModels.Output(new long[] {1, values, 2}, out)));
        Files.writeString(dir.resolve("model.json"), """
                {"format": "handscope-model/2", "name": "yolo-test", "kind": "yolo-pose", "signature": "serving_default",
                 "input": {"name": "image", "shape": [1, 64, 64, 3], "dtype": "float32"},
                 "outputs": [{"name": "output0", "shape": [1, 68, 2], "dtype": "float32"}], "classes": ["hand"]}
                """);
        return dir;
    }

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("handscope.data", data.toString());
        Path yolo = yoloFolder(models.resolve("yolo-test"));
        TrackingSetup base = TrackingSetup.defaults();
        TrackingSetup setup = new TrackingSetup(true, base.variant(), base.runtime(), base.tracker(), base.fovDegrees(),
                null, true, null, null, yolo);
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
