package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.stream.OriginPolicy;
import dev.handscope.app.stream.StreamOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The window with --serve on a port another program holds. */
@ExtendWith(ApplicationExtension.class)
class StreamWindowTest {
    private static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "media", "woman_hands.jpg");

    @org.junit.jupiter.api.io.TempDir
    static Path config;

    private ServerSocket taken;
    private TestWindow opened;

    @Start
    void start(Stage stage) throws IOException {
        taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        WindowOptions still = TestWindow.trackingStill(IMAGE);
        StreamOptions stream = new StreamOptions(new InetSocketAddress("127.0.0.1", taken.getLocalPort()),
                OriginPolicy.localOnly());
        opened = TestWindow.open(stage, config, new WindowOptions(still.source(), null, still.capture(), null, 1,
                still.tracking(), stream));
    }

    @Stop
    void stop() throws IOException {
        opened.close();
        taken.close();
    }

    @Test
    void aStreamThatCannotListenIsShownInTheWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#message").query().isVisible());
        String title = robot.lookup("#message-title").queryAs(Label.class).getText();
        String message = robot.lookup("#message-message").queryAs(Label.class).getText();
        assertEquals("Hand stream stopped", title);
        assertTrue(message.startsWith("The hand stream could not listen on ws://127.0.0.1:" + taken.getLocalPort()),
                message);
    }
}
