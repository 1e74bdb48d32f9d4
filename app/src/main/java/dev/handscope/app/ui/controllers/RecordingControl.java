package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.export.SessionRecording;
import dev.handscope.engine.pipeline.InferenceLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The window's session recording: what the pipeline processes goes to FOLDER/&lt;time&gt;.mkv
 * (lossless) plus .jsonl results, and replaying the .mkv with the same settings gives the same
 * results. Stopped on request, or by itself when writing fails (disk full, folder gone): then the
 * files are closed, kept, and named in the failure report. Used on the FX thread only.
 */
public final class RecordingControl {
    private static final DateTimeFormatter NAMES = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TaskExecutor executor;
    private final Consumer<String> status;
    private final Consumer<String> failed;
    private SessionRecording recording;
    private InferenceLoop recorded;

    /**
     * @param status receives a line for the status bar: recording to, recorded, could not record
     * @param failed receives why a recording stopped by itself and which files were kept
     */
    public RecordingControl(TaskExecutor executor, Consumer<String> status, Consumer<String> failed) {
        this.executor = executor;
        this.status = status;
        this.failed = failed;
    }

    /** Starts recording what {@code loop} processes from its next frame, into a new pair of files in {@code folder}. */
    public void start(InferenceLoop loop, Path folder, int width, int height) throws IOException {
        String name = LocalDateTime.now().format(NAMES);
        recording = new SessionRecording(folder.resolve(name + ".mkv"), folder.resolve(name + ".jsonl"), width, height);
        recorded = loop;
        loop.startRecording(recording::add);
        status.accept("● recording to " + recording.video());
    }

    /** Stops the recording, if one runs; the files close once no frame can reach them any more. */
    public void stop() {
        if (recording == null) {
            return;
        }
        close(done -> status.accept("recorded " + done.frames() + " frames to " + done.video()),
                error -> status.accept("recording failed: " + error.getMessage()));
    }

    /** Reports a recording that stopped by itself since the last check (call it with every status refresh). */
    public void checkFailure() {
        String problem = recording == null ? null : recorded.recordingFailure();
        if (problem == null) {
            return;
        }
        String kept = problem + " What was written before is kept: " + recording.video() + " and "
                + recording.results() + ".";
        // The report waits for the files to be closed, so that the ones it names are complete.
        close(done -> failed.accept(kept), error -> failed.accept(kept));
    }

    private void close(Consumer<SessionRecording> onClosed, Consumer<Exception> onError) {
        SessionRecording closing = recording;
        CompletableFuture<Void> stopped = recorded.stopRecording();
        recording = null;
        recorded = null;
        executor.execute(() -> {
            stopped.get();
            closing.close();
            return closing;
        }, onClosed, onError);
    }
}
