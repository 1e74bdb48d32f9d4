package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.setup.DatasetSource;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.eval.KeypointOrder;
import java.nio.file.Files;
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

/** A JSON source that is no dataset: the reader's message in the window, no dataset opened. */
@ExtendWith(ApplicationExtension.class)
class DatasetSourceWindowTest {
    @org.junit.jupiter.api.io.TempDir
    static Path folder;

    private TestWindow opened;

    @Start
    void start(Stage stage) throws Exception {
        Path json = Files.writeString(folder.resolve("settings.json"), "{\"theme\": \"dark\"}");
        TrackingSetup off = TrackingSetup.disabled();
        WindowOptions options = new WindowOptions(SourceSpec.parse(json.toString()), null, CaptureOptions.defaults(),
                null, 1, off).withDataset(DatasetSource.of(json, null, KeypointOrder.MEDIAPIPE));
        opened = TestWindow.open(stage, folder.resolve("config"), options);
    }

    @Stop
    void stop() {
        opened.close();
    }

    @Test
    void aJsonThatIsNoDatasetSaysWhy(FxRobot robot) throws Exception {
        Label message = robot.lookup("#message-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.isVisible() && !message.getText().isEmpty());
        assertTrue(message.getText().contains("settings.json"), message.getText());
        assertTrue(robot.lookup("#message-title").queryAs(Label.class).getText().contains("Dataset not opened"));
        assertFalse(robot.lookup("#dataset-bar").query().isVisible(), "no dataset is open");
    }
}
