package dev.handscope.app.ui;

import dev.handscope.app.concurrent.UiTaskExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started through {@link #run(WindowOptions)} from a main class that does
 * not extend Application, so JavaFX can be loaded from the class path.
 */
public final class HandScopeApp extends Application {
    private static final AtomicReference<WindowOptions> OPTIONS = new AtomicReference<>();
    private static final AtomicInteger EXIT_CODE = new AtomicInteger();

    private UiTaskExecutor executor;

    /** Shows the window and returns its exit code once it closes. */
    public static int run(WindowOptions options) {
        OPTIONS.set(options);
        Application.launch(HandScopeApp.class);
        return EXIT_CODE.get();
    }

    @Override
    public void start(Stage stage) {
        executor = new UiTaskExecutor();
        MainWindow window = new MainWindow(stage, OPTIONS.get(), executor, code -> {
            EXIT_CODE.set(code);
            stage.close();
            Platform.exit();
        });
        window.show();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }
}
