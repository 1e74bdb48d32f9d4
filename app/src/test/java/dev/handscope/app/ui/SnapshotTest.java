package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.concurrent.UiTaskExecutor;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.SourceSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code --snapshot}: the window renders N frames of a real image, writes a PNG of itself and exits. */
@ExtendWith(ApplicationExtension.class)
class SnapshotTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg");

    @TempDir
    static Path dir;

    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private Path png;

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    @Start
    void start(Stage stage) {
        System.setProperty("handscope.config", config.toString()); // settings of this test only
        png = dir.resolve("shots").resolve("window.png");
        WindowOptions options = new WindowOptions(SourceSpec.parse(IMAGE.toString()), null,
                CaptureOptions.defaults(), png, 5, TrackingSetup.disabled());
        new MainWindow(stage, options, new UiTaskExecutor(), exitCode::complete).show();
    }

    @Test
    void writesAPngOfTheWholeWindowShowingTheImageThenExits(FxRobot robot) throws Exception {
        assertEquals(WindowOptions.SNAPSHOT_OK, exitCode.get(30, TimeUnit.SECONDS));
        BufferedImage shot = ImageIO.read(png.toFile());
        assertNotNull(shot, "a readable PNG");
        assertEquals(1024, shot.getWidth());
        assertEquals(680, shot.getHeight());
        // The portrait image is fitted into the middle of the video area: its centre is the photo's
        // centre (skin and clothes), while the letterbox bars at the sides stay the dark background.
        int background = shot.getRGB(1004, 340) & 0xffffff; // right bar (the HUD sits top-left)
        int centre = shot.getRGB(512, 340) & 0xffffff;
        assertEquals(0x111214, background, "letterbox bar");
        assertTrue(brightness(centre) > brightness(background) + 40, "photo in the centre: " + Integer.toHexString(centre));
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }
}
