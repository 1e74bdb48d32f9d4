package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.export.recording.ExportFormat;
import dev.handscope.app.export.recording.Recording;
import dev.handscope.app.export.recording.RecordingExport;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Export recording…": a recording written in one format in the background, its progress in
 * {@link WindowViewModel#exportProgress} and its outcome in the status bar. One export at a time.
 */
public final class RecordingExports {
    private final TaskExecutor executor;
    private final WindowViewModel vm;
    private final TrackingSetup setup;
    private final Executor uiThread;

    /**
     * @param setup    the window's tracking settings: the mesh (and field of view) the refit uses
     * @param uiThread runs progress updates on the FX thread ({@code Platform::runLater}; a queue in tests)
     */
    public RecordingExports(TaskExecutor executor, WindowViewModel vm, TrackingSetup setup, Executor uiThread) {
        this.executor = executor;
        this.vm = vm;
        this.setup = setup;
        this.uiThread = uiThread;
    }

    /** Starts exporting {@code recording} (its .mkv or .jsonl) to {@code out}; refused while one runs. */
    public void start(Path recording, ExportFormat format, Path out) {
        if (vm.exportProgress.get() >= 0) {
            vm.say("an export is running: wait for it to finish");
            return;
        }
        vm.exportProgress.set(0);
        AtomicLong shownPercent = new AtomicLong(-1);
        executor.execute(() -> {
            Recording read = Recording.read(recording);
            List<Path> written = RecordingExport.write(read, format, out, setup.mesher(warning -> { }), done -> {
                long percent = Math.round(done * 100);
                if (shownPercent.getAndSet(percent) != percent) { // at most 100 updates reach the FX thread
                    uiThread.execute(() -> vm.exportProgress.set(done));
                }
            });
            return summary(read, written);
        }, said -> {
            uiThread.execute(() -> vm.exportProgress.set(-1)); // after any progress still queued
            vm.say(said);
        }, error -> {
            uiThread.execute(() -> vm.exportProgress.set(-1));
            vm.say("cannot export " + recording.getFileName() + ": " + error.getMessage());
        });
    }

    private static String summary(Recording read, List<Path> written) {
        String files = written.size() == 1 ? written.get(0).toString() : written.size() + " files beside "
                + read.results();
        String cut = read.droppedLines() > 0 ? " (the recording is cut short: " + read.droppedLines()
                + " line(s) left out)" : "";
        return "exported " + read.frames().size() + " frame(s) to " + files + cut;
    }
}
