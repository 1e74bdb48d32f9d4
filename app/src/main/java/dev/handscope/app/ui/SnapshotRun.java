package dev.handscope.app.ui;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.setup.WindowOptions;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * A --snapshot run: once enough frames were shown (or the source ended or failed, or two minutes
 * passed), a picture of the window goes to the given PNG and the app exits with a code that says
 * which. Does nothing without --snapshot.
 */
final class SnapshotRun {
    private static final Duration TIMEOUT = Duration.seconds(120);

    private final WindowOptions options;
    private final Stage stage;
    private final TaskExecutor executor;
    private final IntConsumer exit;
    private final Runnable refreshStatus;
    private final LongSupplier shownFrames;
    /** What is said with the picture: the latencies and the start-up times. */
    private final Supplier<String> report;
    private boolean taken;

    SnapshotRun(WindowOptions options, Stage stage, TaskExecutor executor, IntConsumer exit, Runnable refreshStatus,
                LongSupplier shownFrames, Supplier<String> report) {
        this.options = options;
        this.stage = stage;
        this.executor = executor;
        this.exit = exit;
        this.refreshStatus = refreshStatus;
        this.shownFrames = shownFrames;
        this.report = report;
    }

    /** Starts the two minutes after which the picture is taken anyway, as a failure. */
    void arm() {
        if (options.snapshot() == null) {
            return;
        }
        PauseTransition timeout = new PauseTransition(TIMEOUT);
        timeout.setOnFinished(event -> take(WindowOptions.SNAPSHOT_TIMED_OUT, "only " + shownFrames.getAsLong() + " of "
                + options.snapshotAfter() + " frames shown in " + (int) TIMEOUT.toSeconds() + " s"));
        timeout.play();
    }

    /** Takes the picture once {@code settledFrames} frames were shown since tracking settled. */
    void framesShown(long settledFrames) {
        if (options.snapshot() != null && settledFrames >= options.snapshotAfter()) {
            take(WindowOptions.SNAPSHOT_OK, null);
        }
    }

    /** Takes the picture (the first call only), then exits with {@code exitCode}, saying {@code problem} if not null. */
    void take(int exitCode, String problem) {
        if (options.snapshot() == null || taken) {
            return;
        }
        taken = true;
        // One more pulse so the latest frame and status are laid out before the picture is taken.
        Platform.runLater(() -> {
            refreshStatus.run();
            var image = stage.getScene().snapshot(null);
            long framesInPicture = shownFrames.getAsLong();
            executor.execute(() -> {
                PngWriter.write(image, options.snapshot());
                return options.snapshot();
            }, written -> {
                System.out.println("Snapshot written to " + written.toAbsolutePath() + " after " + framesInPicture
                        + " frames");
                System.out.println(report.get());
                if (problem != null) {
                    System.err.println("handscope: " + problem);
                }
                exit.accept(exitCode);
            }, error -> {
                System.err.println("handscope: cannot write the snapshot " + options.snapshot() + ": "
                        + error.getMessage());
                exit.accept(WindowOptions.SNAPSHOT_WRITE_FAILED);
            });
        });
    }
}
