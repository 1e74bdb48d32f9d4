package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.settings.GestureStore;
import dev.handscope.app.settings.Settings;
import dev.handscope.app.settings.SettingsStore;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.gesture.UserGestures;

/** The saved settings and gestures: read at start, and each change applied at once and saved in the background. */
public final class SettingsController {
    private final SettingsStore store = SettingsStore.standard();
    private final GestureStore gestureStore = GestureStore.standard();
    private final TaskExecutor executor;
    private final WindowViewModel vm;
    /** Why saved settings or gestures could not be used (shown once the window is up), or null. */
    private final String problem;

    /** Reads the saved settings into {@code vm} and the saved gestures into {@code gestures}. */
    public SettingsController(TaskExecutor executor, WindowViewModel vm, UserGestures gestures) {
        this.executor = executor;
        this.vm = vm;
        SettingsStore.Loaded loaded = store.load();
        vm.settings.set(loaded.settings());
        String gestureProblem = gestureStore.load(gestures);
        problem = loaded.problem() == null ? gestureProblem
                : gestureProblem == null ? loaded.problem() : loaded.problem() + "\n\n" + gestureProblem;
    }

    /** Why saved settings or gestures were not used, or null when they were. */
    public String problem() {
        return problem;
    }

    public GestureStore gestureStore() {
        return gestureStore;
    }

    /** A change in the settings panel: applied at once (camera reopened, models reloaded as needed) and saved. */
    public void changed(Settings changed, SourceController source, TrackingController tracking) {
        Settings before = vm.settings.get();
        vm.settings.set(changed);
        source.settingsChanged(before, changed);
        executor.execute(() -> {
            store.save(changed);
            return null;
        }, done -> { }, error -> vm.say("cannot save settings: " + error.getMessage()));
        tracking.settingsChanged(before, changed);
    }
}
