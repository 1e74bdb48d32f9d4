package dev.handscope.app.ui;

import dev.handscope.app.concurrent.UiTaskExecutor;
import dev.handscope.app.setup.WindowOptions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
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
    /**
     * JavaFX's own logger, held here: the logging framework keeps loggers only weakly, and a
     * collected one would lose the filter set on it.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    /**
     * What JavaFX warns on every start from the class path. The class path is how HandScope runs
     * (see the class comment) and it works, so the warning only alarms; every other JavaFX message stays.
     */
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration: classes were loaded from";

    private UiTaskExecutor executor;

    /** Shows the window and returns its exit code once it closes. */
    public static int run(WindowOptions options) {
        OPTIONS.set(options);
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING));
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
