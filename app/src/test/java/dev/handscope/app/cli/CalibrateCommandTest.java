package dev.handscope.app.cli;

import static dev.handscope.app.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.ui.HandScopeApp;
import dev.handscope.engine.calibration.BoardImages;
import dev.handscope.engine.calibration.CameraCalibration;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code handscope calibrate} on a folder of rendered board images, and on one without a board. */
class CalibrateCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void ownConfig() {
        System.setProperty("handscope.config", dir.resolve("config").toString());
    }

    @AfterEach
    void noConfig() {
        System.clearProperty("handscope.config");
    }

    private static void png(byte[] rgb, Path file) throws Exception {
        BufferedImage image = new BufferedImage(BoardImages.WIDTH, BoardImages.HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < BoardImages.HEIGHT; y++) {
            for (int x = 0; x < BoardImages.WIDTH; x++) {
                int at = 3 * (y * BoardImages.WIDTH + x);
                image.setRGB(x, y, (rgb[at] & 0xff) << 16 | (rgb[at + 1] & 0xff) << 8 | (rgb[at + 2] & 0xff));
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void calibratesFromAFolderAndSavesTheCameraForLater() throws Exception {
        Path boards = Files.createDirectories(dir.resolve("boards"));
        for (int i = 0; i < BoardImages.POSES.length; i++) {
            png(BoardImages.render(BoardImages.KNOWN, BoardImages.POSES[i]), boards.resolve(String.format("%02d.png",
                    i)));
        }
        CommandRun result = run("calibrate", "--source", boards.toString(), "--board", "9x6", "--square-mm", "25",
                "--camera-name", "desk-cam");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("camera desk-cam") && result.out().contains("RMS reprojection"), result.out());
        Path saved = dir.resolve("config").resolve("cameras").resolve("desk-cam.json");
        JsonNode json = new ObjectMapper().readTree(saved.toFile());
        assertEquals(BoardImages.KNOWN.fx(), json.get("fx").asDouble(), 0.01 * BoardImages.KNOWN.fx());
        assertEquals(BoardImages.KNOWN.cy(), json.get("cy").asDouble(), 0.01 * BoardImages.KNOWN.cy());
        assertEquals(5, json.get("distortion").size());
        assertEquals(BoardImages.POSES.length, json.get("views").asInt());

        // From then on the window places hands with it (and the hand size) instead of --fov.
        HandScopeCommand window = new HandScopeCommand(HandScopeApp::run);
        new CommandLine(window).parseArgs("--camera-name", "desk-cam", "--hand-size", "95");
        TrackingSetup setup = window.windowOptions().tracking();
        CameraCalibration used = (CameraCalibration) setup.camera();
        assertEquals(json.get("fx").asDouble(), used.fx(), 1e-9);
        assertEquals(0.095, setup.handSizeMetres(), 1e-12);
        assertEquals(used.fx() / 2, used.pinhole(640, 360).fx(), 1e-9, "scaled to a half-size frame");
    }

    @Test
    void noBoardFoundIsAClearMessageAndNothingIsSaved() throws Exception {
        Path blank = Files.createDirectories(dir.resolve("blank"));
        byte[] gray = new byte[BoardImages.WIDTH * BoardImages.HEIGHT * 3];
        java.util.Arrays.fill(gray, (byte) 200);
        for (int i = 0; i < 3; i++) {
            png(gray, blank.resolve(i + ".png"));
        }
        CommandRun result = run("calibrate", "--source", blank.toString(), "--camera-name", "nothing");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("no usable checkerboard") && result.err().contains("nothing saved"), result.err());
        assertFalse(Files.exists(dir.resolve("config").resolve("cameras").resolve("nothing.json")));
    }

    @Test
    void anUncalibratedCameraNameIsAClearError() {
        CommandRun result = run("export", "--recording", dir.resolve("r.jsonl").toString(), "--format", "gltf",
                "--camera-name", "unknown-cam");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("no calibration saved") && result.err().contains("handscope calibrate"), result.err());
    }
}
