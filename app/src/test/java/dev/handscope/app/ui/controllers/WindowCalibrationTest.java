package dev.handscope.app.ui.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.concurrent.UiTaskExecutor;
import dev.handscope.app.settings.CalibrationStore;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.calibration.BoardImages;
import dev.handscope.engine.calibration.CameraCalibration;
import dev.handscope.engine.capture.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's calibration: frames on screen become views, the status bar says the coverage and what
 * is still unseen, and turning it off saves the camera (work and callbacks run inline here).
 */
class WindowCalibrationTest {
    @TempDir
    Path dir;

    @Test
    void framesOnScreenBecomeACalibrationSavedForTheCamera() throws Exception {
        WindowViewModel vm = new WindowViewModel();
        vm.source.set(SourceSpec.parse("0"));
        CalibrationStore store = new CalibrationStore(dir);
        WindowCalibration calibration = new WindowCalibration(new UiTaskExecutor(Runnable::run, Runnable::run), vm,
                store);
        vm.calibrating.set(true);
        assertTrue(vm.lastMessage.get().startsWith("calibrating: show a 9x6 checkerboard"), vm.lastMessage.get());
        calibration.look(BoardImages.render(BoardImages.KNOWN, BoardImages.POSES[0]), BoardImages.WIDTH,
                BoardImages.HEIGHT);
        assertTrue(vm.lastMessage.get().startsWith("calibrating: 1 view(s)")
                && vm.lastMessage.get().contains("not yet seen: "), vm.lastMessage.get());
        for (int i = 1; i < BoardImages.POSES.length; i++) {
            calibration.look(BoardImages.render(BoardImages.KNOWN, BoardImages.POSES[i]), BoardImages.WIDTH,
                    BoardImages.HEIGHT);
        }
        assertTrue(vm.lastMessage.get().startsWith("calibrating: " + BoardImages.POSES.length + " view(s)"),
                vm.lastMessage.get());
        vm.calibrating.set(false);
        assertTrue(vm.lastMessage.get().startsWith("camera camera-0 calibrated")
                && vm.lastMessage.get().contains("--camera-name camera-0"), vm.lastMessage.get());
        CameraCalibration saved = store.load("camera-0").orElseThrow();
        assertEquals(BoardImages.KNOWN.fx(), saved.fx(), 0.01 * BoardImages.KNOWN.fx());
    }

    @Test
    void stoppingWithoutViewsSavesNothing() {
        WindowViewModel vm = new WindowViewModel();
        vm.source.set(SourceSpec.parse("0"));
        new WindowCalibration(new UiTaskExecutor(Runnable::run, Runnable::run), vm, new CalibrationStore(dir));
        vm.calibrating.set(true);
        vm.calibrating.set(false);
        assertEquals("calibration stopped: 0 view(s) of the board, 3 needed; nothing saved", vm.lastMessage.get());
        assertFalse(Files.exists(dir.resolve("camera-0.json")));
    }

    @Test
    void unseenRegionsAreNamedByThirds() {
        boolean[] cells = new boolean[48];
        cells[0] = true; // top-left cell
        List<String> unseen = WindowCalibration.unseen(cells);
        assertEquals(8, unseen.size());
        assertFalse(unseen.contains("top left"));
        assertTrue(unseen.contains("bottom right"));
    }
}
