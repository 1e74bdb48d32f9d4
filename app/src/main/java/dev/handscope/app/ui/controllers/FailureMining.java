package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.export.FailureSnapshot;
import dev.handscope.app.ui.viewmodel.MinedSnapshot;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.mining.MinedFailure;
import dev.handscope.engine.stage.MiningStage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * E: failure mining. While on, each frame a trigger fires on is saved like an F snapshot, with
 * trigger.json beside it, into this mining session's folder under ~/HandScope/failures, at most
 * {@link #LIMIT} per session, and listed in the window. The inference thread only counts and hands
 * the frame on; the folder is named on the FX thread and written by the executor.
 */
public final class FailureMining {
    /** Snapshots one mining session keeps at most, so a bad model cannot fill the disk. */
    public static final int LIMIT = 200;

    private final TaskExecutor executor;
    private final WindowViewModel vm;
    private final TrackingController tracking;
    private final FrameExports exports;

    public FailureMining(TaskExecutor executor, WindowViewModel vm, TrackingController tracking, FrameExports exports) {
        this.executor = executor;
        this.vm = vm;
        this.tracking = tracking;
        this.exports = exports;
        vm.mineFailures.addListener((obs, was, on) -> mine(on)); // the saved setting comes in the same way
    }

    private void mine(boolean on) {
        if (!on) {
            tracking.mineFailures(null);
            return;
        }
        vm.minedCount.set(0);
        tracking.mineFailures(new Session(FrameExports.newMiningFolder()));
    }

    /** One mining session: its folder and how many snapshots it has taken on. */
    private final class Session implements MiningStage.Sink {
        private final Path folder;
        private final AtomicInteger taken = new AtomicInteger();

        Session(Path folder) {
            this.folder = folder;
        }

        /** On the inference thread: counts, then hands the frame to the FX thread. */
        @Override
        public void mined(MiningStage.MinedFrame frame) {
            int number = taken.incrementAndGet();
            if (number <= LIMIT) {
                Platform.runLater(() -> save(number, frame));
            }
        }

        private void save(int number, MiningStage.MinedFrame frame) {
            List<MinedFailure> failures = frame.failures();
            MinedFailure first = failures.get(0);
            Path snapshot = folder.resolve(String.format(Locale.ROOT, "%04d-%s-hand%d", number, first.trigger().key(),
                    first.handId()));
            var settings = exports.snapshotSettings(frame.result().sequence());
            executor.execute(() -> {
                FailureSnapshot.write(snapshot, frame.rgb(), frame.width(), frame.height(), frame.result(), settings);
                FailureSnapshot.writeTriggers(snapshot, failures);
                return snapshot;
            }, written -> {
                for (MinedFailure failure : failures) {
                    vm.minedFailures.add(new MinedSnapshot(failure.trigger().key(), failure.handId(), failure.detail(),
                            failure.timeNanos() / 1_000_000, written));
                }
                vm.minedCount.set(vm.minedCount.get() + 1);
                if (number == LIMIT) {
                    vm.say("failure mining saved its " + LIMIT + " snapshots in " + folder + "; no more this session");
                }
            }, error -> vm.say("cannot write a mined snapshot: " + error.getMessage()));
        }
    }
}
