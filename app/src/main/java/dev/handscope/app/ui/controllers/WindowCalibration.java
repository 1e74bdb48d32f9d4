package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.settings.CalibrationStore;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.calibration.BoardFinder;
import dev.handscope.engine.calibration.CalibrationViews;
import dev.handscope.engine.calibration.CameraCalibration;
import dev.handscope.engine.calibration.Checkerboard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The window's "Calibrate camera": while {@link WindowViewModel#calibrating} is on, the frame on
 * screen is looked at for a 9x6 board of 25 mm squares (one look at a time, in the background), and
 * the status bar says how many views are kept, how much of the image they cover and which parts are
 * still unseen. Turning it off solves and saves the calibration for the source's camera name.
 */
public final class WindowCalibration {
    /** The board the window looks for: OpenCV's sample pattern (10 x 7 squares), 25 mm squares. */
    public static final Checkerboard BOARD = new Checkerboard(9, 6, 0.025);
    private static final String[] REGIONS = {"top left", "top", "top right", "left", "centre", "right",
        "bottom left", "bottom", "bottom right"};

    private final TaskExecutor executor;
    private final WindowViewModel vm;
    private final CalibrationStore store;
    private final BoardFinder finder = new BoardFinder(BOARD);
    private CalibrationViews views;
    private boolean looking;

    public WindowCalibration(TaskExecutor executor, WindowViewModel vm, CalibrationStore store) {
        this.executor = executor;
        this.vm = vm;
        this.store = store;
        vm.calibrating.addListener((obs, was, on) -> {
            if (on) {
                views = null;
                vm.say("calibrating: show a 9x6 checkerboard (25 mm squares) flat, at many angles, all over the image");
            } else {
                finish();
            }
        });
    }

    /** Offers the frame on screen (packed RGB); ignored unless calibrating and idle. Call on the UI thread. */
    public void look(byte[] rgb, int width, int height) {
        if (!vm.calibrating.get() || looking || rgb == null) {
            return;
        }
        if (views == null) {
            views = new CalibrationViews(BOARD, width, height);
        }
        CalibrationViews into = views;
        looking = true;
        executor.execute(() -> {
            float[] corners = finder.find(rgb, width, height);
            synchronized (into) { // a look may still run when calibrating is turned off
                return corners != null && into.offer(corners) ? progress(into) : "";
            }
        }, said -> {
            looking = false;
            if (!said.isEmpty()) {
                vm.say(said);
            }
        }, error -> {
            looking = false;
            vm.say("calibration: " + error.getMessage());
        });
    }

    private void finish() {
        CalibrationViews done = views;
        views = null;
        if (done == null) {
            vm.say(stopped(0));
            return;
        }
        String name = vm.source.get() == null ? "camera" : CalibrationStore.defaultName(vm.source.get());
        executor.execute(() -> {
            synchronized (done) {
                return solveAndSave(done, name);
            }
        }, vm::say, error -> vm.say("cannot save the calibration: " + error.getMessage()));
    }

    private String solveAndSave(CalibrationViews done, String name) throws IOException {
        if (done.count() < 3) {
            return stopped(done.count());
        }
        CameraCalibration calibration = done.calibrate();
        Path file = store.save(name, calibration, done.coverage());
        return String.format(Locale.ROOT, "camera %s calibrated: fx %.1f fy %.1f px, RMS %.2f px over %d views,"
                + " %.0f%% covered -> %s; start with --camera-name %s to use it", name, calibration.fx(),
                calibration.fy(), calibration.rmsPx(), calibration.views(), 100 * done.coverage(), file, name);
    }

    private static String stopped(int views) {
        return "calibration stopped: " + views + " view(s) of the board, 3 needed; nothing saved";
    }

    /** "calibrating: 7 views, 42% covered; not yet seen: top left, right". */
    static String progress(CalibrationViews views) {
        List<String> unseen = unseen(views.coveredCells());
        return String.format(Locale.ROOT, "calibrating: %d view(s), %.0f%% of the image covered", views.count(),
                100 * views.coverage()) + (unseen.isEmpty() ? "; every part seen: turn it off to save"
                : "; not yet seen: " + String.join(", ", unseen));
    }

    /** The image's nine regions (thirds across and down) where no kept corner lies yet. */
    static List<String> unseen(boolean[] cells) {
        boolean[] seen = new boolean[9];
        for (int row = 0; row < CalibrationViews.GRID_ROWS; row++) {
            for (int column = 0; column < CalibrationViews.GRID_COLUMNS; column++) {
                if (cells[row * CalibrationViews.GRID_COLUMNS + column]) {
                    seen[3 * (row * 3 / CalibrationViews.GRID_ROWS) + column * 3 / CalibrationViews.GRID_COLUMNS] = true;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int region = 0; region < 9; region++) {
            if (!seen[region]) {
                names.add(REGIONS[region]);
            }
        }
        return names;
    }
}
