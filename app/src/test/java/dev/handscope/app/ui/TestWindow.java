package dev.handscope.app.ui;

import dev.handscope.app.concurrent.UiTaskExecutor;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.SourceSpec;
import java.nio.file.Path;
import javafx.stage.Stage;

/** The real window opened for a test, with its own executor and config folder. */
final class TestWindow implements AutoCloseable {
    final MainWindow window;
    private final UiTaskExecutor executor = new UiTaskExecutor();

    private TestWindow(Stage stage, Path config, WindowOptions options) {
        System.setProperty("handscope.config", config.toString()); // settings and gestures of this test only
        window = new MainWindow(stage, options, executor, code -> { });
        window.show();
    }

    static TestWindow open(Stage stage, Path config, WindowOptions options) {
        return new TestWindow(stage, config, options);
    }

    /** The models tracking a still image shown as a 10 fps stream. */
    static WindowOptions trackingStill(Path image) {
        return new WindowOptions(SourceSpec.parse(image.toString()), null, CaptureOptions.defaults().withStillFrameRate(10),
                null, 1, TrackingSetup.defaults());
    }

    @Override
    public void close() {
        window.close();
        executor.close();
    }
}
