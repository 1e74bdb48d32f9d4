package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.render.hud.HandReadouts;
import dev.handscope.render.hud.Hud;
import dev.handscope.render.hud.ShortcutHelp;
import dev.handscope.render.mesh.HandMeshView;
import dev.handscope.render.video.VideoView;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The window with the real models on woman_hands.jpg: two hands drawn, two meshes, status readouts. */
@ExtendWith(ApplicationExtension.class)
class TrackingWindowTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg");

    private MainWindow window;
    private TestWindow opened;

    @org.junit.jupiter.api.io.TempDir
    static Path data;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    @Start
    void start(Stage stage) {
        System.setProperty("handscope.data", data.toString());
        opened = TestWindow.open(stage, config, TestWindow.trackingStill(IMAGE));
        window = opened.window;
    }

    @Stop
    void stop() {
        opened.close();
    }

    @Test
    void twoHandsAreTrackedDrawnAndMeshed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        assertTrue(robot.lookup("#tracking").queryAs(Label.class).getText().startsWith("full"));
        HandMeshView meshes = robot.lookup("#mesh-view").queryAs(HandMeshView.class);
        assertEquals(2, meshes.visibleHands());
        VideoView video = robot.lookup(".video-view").queryAs(VideoView.class);
        AtomicInteger drawn = new AtomicInteger();
        robot.interact(() -> {
            SnapshotParameters transparent = new SnapshotParameters();
            transparent.setFill(Color.TRANSPARENT);
            WritableImage overlay = video.overlay().snapshot(transparent, null);
            for (int y = 0; y < overlay.getHeight(); y += 2) {
                for (int x = 0; x < overlay.getWidth(); x += 2) {
                    if (overlay.getPixelReader().getColor(x, y).getOpacity() > 0.5) {
                        drawn.incrementAndGet();
                    }
                }
            }
        });
        assertTrue(drawn.get() > 500, "skeletons drawn on the overlay: " + drawn.get() + " sampled pixels");
    }

    @Test
    void debugLayersAndFailureSnapshotShowAndKeepWhatTheModelsSaw(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        robot.type(KeyCode.T);
        javafx.scene.layout.HBox strip = robot.lookup("#crop-strip").queryAs(javafx.scene.layout.HBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> strip.isVisible() && strip.getChildren().size() == 2);
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            Path failures = data.resolve("failures");
            if (!java.nio.file.Files.isDirectory(failures)) {
                return false;
            }
            try (var folders = java.nio.file.Files.list(failures)) {
                return folders.anyMatch(f -> java.nio.file.Files.exists(f.resolve("settings.json")));
            }
        });
        Path folder;
        try (var folders = java.nio.file.Files.list(data.resolve("failures"))) {
            folder = folders.findFirst().orElseThrow();
        }
        java.util.Set<String> files;
        try (var listing = java.nio.file.Files.list(folder)) {
            files = listing.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
        assertTrue(files.containsAll(java.util.Set.of("frame.png", "results.json", "palms.json", "settings.json")), files.toString());
        assertEquals(2, files.stream().filter(f -> f.startsWith("crop-")).count(), files.toString());
        assertEquals(2, files.stream().filter(f -> f.startsWith("raw-")).count(), files.toString());
        var frame = javax.imageio.ImageIO.read(folder.resolve("frame.png").toFile());
        assertEquals(640, frame.getWidth());
        assertEquals(960, frame.getHeight());
        String raw = java.nio.file.Files.readString(folder.resolve("raw-0.json"));
        assertTrue(raw.contains("\"world_landmarks\""), raw);
    }

    @Test
    void abCompareRunsTheOtherModelOnTheSameCrops(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        robot.type(KeyCode.A);
        HandReadouts readouts = robot.lookup("#readouts").queryAs(HandReadouts.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> readouts.texts().size() == 2 && readouts.texts().stream().allMatch(t -> t.contains("A/B")));
        for (String row : readouts.texts()) {
            double px = Double.parseDouble(row.replaceAll(".*A/B ([0-9.]+) px.*", "$1"));
            assertTrue(px > 0 && px < 25, "full and lite agree to within a few pixels on this photo: " + row);
        }
        // Leave a picture of the A/B view in target/ to look at.
        robot.interact(() -> {
            try {
                PngWriter.write(robot.lookup(".video-view").query().getScene().snapshot(null), Path.of("target", "ab-compare.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void recordingWritesALosslessVideoAndOneResultLinePerFrame(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        robot.type(KeyCode.V);
        Thread.sleep(2000);
        robot.type(KeyCode.V);
        Path recordings = data.resolve("recordings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#tracking").queryAs(Label.class).getText()
                .contains("recorded"));
        Path results;
        Path video;
        try (var files = java.nio.file.Files.list(recordings)) {
            List<Path> all = files.toList();
            results = all.stream().filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            video = all.stream().filter(p -> p.toString().endsWith(".mkv")).findFirst().orElseThrow();
        }
        List<String> lines = java.nio.file.Files.readAllLines(results);
        assertTrue(lines.size() >= 5, lines.size() + " frames recorded in 2 s at 10 fps");
        assertTrue(lines.get(0).contains("\"frame\":0,\"timestampMs\":0.0"), lines.get(0));
        try (var source = dev.handscope.engine.capture.VideoFileSource.open(video)) {
            assertEquals(640, source.info().width());
            assertEquals(960, source.info().height());
        }
    }

    @Test
    void clickingAJointShowsItsCoordinates(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        // Where the index fingertip is: the same models on the same still image.
        float[] landmarks;
        var models = dev.handscope.models.catalogue.ModelCatalogue.bundled();
        try (var pipeline = dev.handscope.engine.mediapipe.MediaPipeHands.pipeline(
                models.palmDetector(dev.handscope.models.catalogue.ModelVariant.FULL),
                models.handLandmarks(dev.handscope.models.catalogue.ModelVariant.FULL),
                dev.handscope.engine.inference.RuntimeOptions.defaults(), dev.handscope.engine.tracking.TrackerOptions.defaults());
             var image = dev.handscope.engine.imaging.RgbImage.read(IMAGE)) {
            landmarks = pipeline.process(image, 0, 0).hands().get(0).landmarks().toArray();
        }
        VideoView video = robot.lookup(".video-view").queryAs(VideoView.class);
        Label info = robot.lookup("#joint-info").queryAs(Label.class);
        robot.interact(() -> {
            var view = video.transform();
            window.showJoint(view.toViewX(landmarks[24]) + 2, view.toViewY(landmarks[25]) - 2);
        });
        assertTrue(info.isVisible());
        assertTrue(info.getText().contains("joint 8 index tip"), info.getText());
        assertTrue(info.getText().contains("presence"), info.getText());
        robot.interact(() -> window.showJoint(2, 2)); // nowhere near a hand
        assertFalse(info.isVisible());
    }

    @Test
    void theThreeDViewDetachesIntoItsOwnWindowAndComesBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        var menu = robot.lookup("#view-3d").queryAs(javafx.scene.control.MenuButton.class);
        var split = robot.lookup(".split-pane").queryAs(javafx.scene.control.SplitPane.class);
        HandMeshView meshes = robot.lookup("#mesh-view").queryAs(HandMeshView.class);
        assertTrue(split.getItems().contains(meshes));
        robot.interact(() -> menu.getItems().stream().filter(i -> i.getText().startsWith("Detach")).findFirst()
                .orElseThrow().fire());
        assertFalse(split.getItems().contains(meshes), "moved out of the main window");
        javafx.stage.Window other = robot.listWindows().stream()
                .filter(w -> w instanceof Stage s && "HandScope — 3D hands".equals(s.getTitle())).findFirst().orElseThrow();
        assertTrue(meshes.getScene() == other.getScene());
        robot.interact(() -> ((Stage) other).close());
        assertTrue(split.getItems().contains(meshes), "back beside the video");
    }

    @Test
    void hudReadoutsAndHelpFollowTheirKeys(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#hands").queryAs(Label.class).getText().equals("hands 2"));
        Hud hud = robot.lookup("#hud").queryAs(Hud.class);
        HandReadouts readouts = robot.lookup("#readouts").queryAs(HandReadouts.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> readouts.texts().size() == 2);
        assertTrue(hud.isVisible() && readouts.isVisible(), "shown once tracking runs");
        assertTrue(readouts.texts().stream().anyMatch(t -> t.contains("Left") && t.contains("geometry Left")),
                readouts.texts().toString());
        assertTrue(readouts.texts().stream().anyMatch(t -> t.contains("Right") && t.contains("geometry Right")),
                readouts.texts().toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#hud-rates").queryAs(Label.class).getText().startsWith("capture"));

        robot.type(KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hud.isVisible(), "H hides the HUD");
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(readouts.isVisible(), "R hides the readouts");
        ShortcutHelp help = robot.lookup("#shortcut-help").queryAs(ShortcutHelp.class);
        robot.interact(help::toggle); // what "?" does (a typed character the headless robot cannot compose)
        assertTrue(help.isVisible());
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(help.isVisible(), "any key closes the help");
        assertFalse(hud.isVisible(), "and does nothing else");
    }
}
