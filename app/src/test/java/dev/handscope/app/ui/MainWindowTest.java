package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.render.video.NoticePane;
import dev.handscope.render.video.VideoView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
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

/** The real window on the shared test video, driven headless through TestFX. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "hand_landmarker_test_video.mp4");

    private MainWindow window;
    private TestWindow opened;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    @Start
    void start(Stage stage) {
        assertTrue(Files.isRegularFile(VIDEO), "shared test video missing: " + VIDEO.toAbsolutePath());
        opened = TestWindow.open(stage, config, new WindowOptions(SourceSpec.parse(VIDEO.toString()), null,
                CaptureOptions.defaults().withLoop(true), null, 1, TrackingSetup.disabled()));
        window = opened.window;
    }

    @Stop
    void stop() {
        opened.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static long frameNumber(FxRobot robot) {
        String text = text(robot, "#frame-number");
        return text.isEmpty() ? -1 : Long.parseLong(text.substring("frame ".length()));
    }

    private static void await(String what, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited 15 s for: " + what);
        }
    }

    @Test
    void recordingAGestureWithoutTrackingSaysWhy(FxRobot robot) {
        robot.type(KeyCode.G);
        robot.write("wave");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#gesture-status").queryAs(Label.class).getText().startsWith("Hand tracking is not running"),
                robot.lookup("#gesture-status").queryAs(Label.class).getText());
    }

    @Test
    void framesArriveAndTheStatusBarShowsThem(FxRobot robot) throws Exception {
        await("10 frames shown", () -> frameNumber(robot) >= 10);
        assertEquals("640×360", text(robot, "#frame-size"));
        await("status bar refresh", () -> !text(robot, "#capture-fps").equals("capture 0.0 fps"));
        double captureFps = Double.parseDouble(text(robot, "#capture-fps").split(" ")[1]);
        assertTrue(captureFps > 15 && captureFps < 40, "the 25 fps video plays near its native rate: " + captureFps);
        assertEquals("Playing", text(robot, "#state"));
        assertTrue(robot.lookup(".video-view").queryAs(VideoView.class).hasImage());
        assertFalse(robot.lookup("#notice").queryAs(NoticePane.class).isVisible());
    }

    @Test
    void spacePausesRightArrowStepsOneFrameSpaceResumes(FxRobot robot) throws Exception {
        await("frames", () -> frameNumber(robot) >= 5);
        robot.type(KeyCode.SPACE);
        await("paused", () -> text(robot, "#state").equals("Paused"));
        Thread.sleep(300); // a frame already in flight may still land
        WaitForAsyncUtils.waitForFxEvents();
        long paused = frameNumber(robot);
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, frameNumber(robot), "no new frames while paused");

        robot.type(KeyCode.RIGHT);
        await("one step", () -> frameNumber(robot) > paused);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused + 1, frameNumber(robot), "a step shows exactly the next frame");
        assertEquals("Paused", text(robot, "#state"));

        robot.type(KeyCode.SPACE);
        await("playing again", () -> frameNumber(robot) > paused + 5);
        assertEquals("Playing", text(robot, "#state"));
    }

    @Test
    void leftArrowStepsBackThroughTheLastFramesAndRightComesForward(FxRobot robot) throws Exception {
        await("frames", () -> frameNumber(robot) >= 20);
        robot.type(KeyCode.SPACE);
        await("paused", () -> text(robot, "#state").equals("Paused"));
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        long paused = frameNumber(robot);
        long[] back = new long[4];
        back[0] = paused;
        for (int i = 1; i <= 3; i++) {
            robot.type(KeyCode.LEFT);
            WaitForAsyncUtils.waitForFxEvents();
            back[i] = frameNumber(robot);
            assertTrue(back[i] < back[i - 1], "each step goes to an earlier frame: " + java.util.Arrays.toString(back));
        }
        for (int i = 2; i >= 0; i--) {
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(back[i], frameNumber(robot), "forward again through the same frames");
        }
        robot.type(KeyCode.RIGHT);
        await("a new frame from the source", () -> frameNumber(robot) == paused + 1);
    }

    @Test
    void mKeyMirrorsTheDisplayOnly(FxRobot robot) throws Exception {
        await("frames", () -> frameNumber(robot) >= 1);
        VideoView video = robot.lookup(".video-view").queryAs(VideoView.class);
        assertFalse(video.mirroredProperty().get(), "files are not mirrored by default");
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(video.mirroredProperty().get());
        assertTrue(video.transform().mirrored());
        assertEquals("640×360", text(robot, "#frame-size"), "the frames themselves are unchanged");
    }

    @Test
    void unreadableFileShowsANoticeNamingItAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        Path missing = Path.of("no-such-folder", "holiday.mp4");
        robot.interact(() -> window.open(SourceSpec.parse(missing.toString())));
        NoticePane notice = robot.lookup("#notice").queryAs(NoticePane.class);
        await("notice", notice::isVisible);
        assertTrue(notice.messageText().contains(missing.toString()), notice.messageText());
        assertEquals("Failed", text(robot, "#state"));
        assertTrue(robot.lookup("#notice-open-file").tryQuery().isPresent(), "offers to open another file");

        robot.interact(() -> window.open(SourceSpec.parse(VIDEO.toString())));
        await("video again", () -> frameNumber(robot) >= 3);
        assertFalse(notice.isVisible());
    }

    @Test
    void missingCameraShowsTheMessageAndOffersAFile(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SourceSpec.parse("/dev/video97")));
        NoticePane notice = robot.lookup("#notice").queryAs(NoticePane.class);
        await("notice", notice::isVisible);
        assertTrue(notice.messageText().contains("No camera found"), notice.messageText());
        assertTrue(notice.messageText().contains("Retrying"), notice.messageText());
        assertEquals("No camera", text(robot, "#state"));
        assertTrue(robot.lookup("#notice-open-file").tryQuery().isPresent());
        assertNotEquals("640×360", text(robot, "#frame-size"));
    }

    @Test
    void aFolderPlaysPastItsUnreadableImagesAndSaysHowManyWereSkipped(FxRobot robot) throws Exception {
        Path folder = config.resolve("frames");
        Files.createDirectories(folder);
        Files.copy(VIDEO.resolveSibling("woman_hands.jpg"), folder.resolve("a.jpg"));
        Files.write(folder.resolve("b.jpg"), new byte[] {1, 2, 3});
        Files.copy(VIDEO.resolveSibling("hand_landmarker_test_image.jpg"), folder.resolve("c.jpg"));
        robot.interact(() -> window.open(SourceSpec.parse(folder.toString())));
        NoticePane message = robot.lookup("#message").queryAs(NoticePane.class);
        await("skipped-files message", message::isVisible);
        assertTrue(message.messageText().startsWith("Skipped 1 of the 3 images in " + folder), message.messageText());
        await("the image after the bad one shown", () -> text(robot, "#frame-size").equals("640×427"));
        await("the status bar counts it", () -> text(robot, "#source").endsWith("(1 file skipped)"));
        assertFalse(robot.lookup("#notice").queryAs(NoticePane.class).isVisible(), "the folder plays on");
    }
}
