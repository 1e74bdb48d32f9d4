package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.settings.GestureStore;
import dev.handscope.render.hud.HandReadouts;
import dev.handscope.render.hud.Hud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
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
 * Teaching a gesture in the window: G, a name, Enter, hold the pose (a still "call" photo); the
 * gesture is saved to the config folder and recognised on the hand from then on.
 */
@ExtendWith(ApplicationExtension.class)
class GestureWindowTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "hagrid_call_0413d5c5.jpg");

    private TestWindow opened;

    @org.junit.jupiter.api.io.TempDir
    Path config; // a fresh config folder per test: no gestures carried over

    @Start
    void start(Stage stage) {
        opened = TestWindow.open(stage, config, TestWindow.trackingStill(IMAGE));
    }

    @Stop
    void stop() {
        opened.close();
    }

    @Test
    void aTaughtGestureIsSavedAndRecognised(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 1"));
        HandReadouts readouts = robot.lookup("#readouts").queryAs(HandReadouts.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> readouts.texts().size() == 1);
        assertTrue(readouts.texts().get(0).contains("call"), "built-in first: " + readouts.texts());
        boolean hudShown = robot.lookup("#hud").queryAs(Hud.class).isVisible();

        robot.type(KeyCode.G);
        robot.write("my shaka"); // letters that are shortcuts elsewhere go into the name field
        robot.type(KeyCode.ENTER);
        Label status = robot.lookup("#gesture-status").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().startsWith("Recorded"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status: " + status.getText() + " name: "
                    + robot.lookup("#gesture-name").queryAs(javafx.scene.control.TextField.class).getText(), e);
        }
        assertTrue(status.getText().startsWith("Recorded 'my_shaka'"), status.getText());
        assertEquals(hudShown, robot.lookup("#hud").queryAs(Hud.class).isVisible(), "typing h did not toggle the HUD");
        ListView<?> list = robot.lookup("#gesture-list").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        assertTrue(list.getItems().get(0).toString().matches("my_shaka · \\d+ poses"), list.getItems().toString());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> readouts.texts().get(0).contains("my_shaka"));
        Label live = robot.lookup("#gesture-live").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.getText().startsWith("Hand now: nearest 'my_shaka'"));
        assertTrue(live.getText().endsWith("(matches)"), live.getText());
        // Leave a picture of the panel and the recognised hand in target/ to look at.
        robot.interact(() -> {
            try {
                PngWriter.write(list.getScene().snapshot(null), Path.of("target", "gesture-panel.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Path saved = config.resolve("gestures.json");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saved));
        GestureStore.GestureSet set = GestureStore.read(saved);
        assertEquals(java.util.Set.of("my_shaka"), set.poses().keySet());
        assertTrue(set.poses().get("my_shaka").size() >= 5, set.poses().get("my_shaka").size() + " poses saved");
    }

    @Test
    void importingAGestureSetAddsItsGesturesAndABadFileIsNamed(FxRobot robot) throws Exception {
        // A set someone shared: one pose of this photo's hand, taught outside the window.
        var models = dev.handscope.models.catalogue.ModelCatalogue.bundled();
        float[] world;
        try (var pipeline = dev.handscope.engine.mediapipe.MediaPipeHands.pipeline(
                models.palmDetector(dev.handscope.models.catalogue.ModelVariant.FULL),
                models.handLandmarks(dev.handscope.models.catalogue.ModelVariant.FULL),
                dev.handscope.engine.inference.RuntimeOptions.defaults(),
                dev.handscope.engine.tracking.TrackerOptions.defaults().withNumHands(1));
             var image = dev.handscope.engine.imaging.RgbImage.read(IMAGE)) {
            world = pipeline.process(image, 0, 0).hands().get(0).worldLandmarks().toArray();
        }
        var shared = new dev.handscope.engine.gesture.UserGestures();
        shared.add("hang_loose", java.util.List.of(world));
        shared.setThreshold(0.42); // the sharer's tuning comes with the set
        Path set = config.resolve("shared-set.json");
        GestureStore.write(shared, set);
        robot.clickOn("#settings-toggle"); // the gestures live in the side panel
        GesturePanel panel = robot.lookup("#gesture-panel").queryAs(GesturePanel.class);
        robot.interact(() -> panel.importFrom(set, problem -> { }));
        ListView<?> list = robot.lookup("#gesture-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().stream()
                .anyMatch(item -> item.toString().equals("hang_loose · 1 poses")));
        Slider threshold = robot.lookup("#gesture-threshold").queryAs(Slider.class);
        assertEquals(0.42, threshold.getValue(), 1e-9, "the set's match distance is taken, as detect does");
        HandReadouts readouts = robot.lookup("#readouts").queryAs(HandReadouts.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> readouts.texts().size() == 1 && readouts.texts().get(0).contains("hang_loose"));

        Path broken = config.resolve("broken-set.json");
        Files.writeString(broken, "{\"format\":\"handscope-gestures\",\"version\":1,\"gestures\":[{\"name\":\"x\"}]}");
        robot.interact(() -> panel.importFrom(broken, problem -> { }));
        Label status = robot.lookup("#gesture-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith(broken + " was not imported"));
        assertTrue(status.getText().contains("gesture 'x' has no poses"), status.getText());
    }
}
