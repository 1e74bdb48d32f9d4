package dev.handscope.app.ui.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.concurrent.UiTaskExecutor;
import dev.handscope.app.export.recording.ExportFormat;
import dev.handscope.app.export.recording.TestRecordings;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's "Export recording…": the export runs on the background pool, not on the UI thread;
 * progress reaches the view model through the UI thread, climbing to 1, and the outcome is said.
 */
class RecordingExportsTest {
    @TempDir
    Path dir;

    @Test
    void exportsInTheBackgroundWithProgressOnTheUiThread() throws Exception {
        Path recording = TestRecordings.record(dir, 10);
        BlockingQueue<Runnable> uiThread = new ArrayBlockingQueue<>(1000);
        List<Thread> workers = new ArrayList<>();
        WindowViewModel vm = new WindowViewModel();
        UiTaskExecutor executor = new UiTaskExecutor(work -> {
            Thread worker = new Thread(work, "export-test-worker");
            workers.add(worker);
            worker.start();
        }, uiThread::add);
        RecordingExports exports = new RecordingExports(executor, vm, TrackingSetup.defaults(), uiThread::add);
        Path out = dir.resolve("out.glb");
        exports.start(recording, ExportFormat.GLTF, out);
        assertEquals(0, vm.exportProgress.get(), "started");
        exports.start(recording, ExportFormat.CSV, dir.resolve("second.csv"));
        assertTrue(vm.lastMessage.get().contains("an export is running"), vm.lastMessage.get());
        List<Double> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vm.lastMessage.get().startsWith("exported") && System.nanoTime() < deadline) {
            Runnable next = uiThread.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
                seen.add(vm.exportProgress.get());
            }
        }
        for (Runnable rest = uiThread.poll(); rest != null; rest = uiThread.poll()) {
            rest.run();
        }
        assertTrue(vm.lastMessage.get().startsWith("exported 10 frame(s) to " + out), vm.lastMessage.get());
        assertEquals(1, workers.size(), "one background task");
        assertTrue(seen.contains(1.0), "progress reached 1: " + seen);
        assertEquals(-1, vm.exportProgress.get(), "no export running any more");
        assertTrue(Files.size(out) > 10_000);
    }
}
