package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.export.FailureSnapshot;
import dev.handscope.app.export.MeshExport;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.ui.viewmodel.ShownFrame;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * S and F: the frame on screen written out, in the background, to a new folder under ~/HandScope
 * (failure mining's snapshots record the same settings).
 */
public final class FrameExports {
    private static final DateTimeFormatter FOLDER_NAMES = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final WindowOptions options;
    private final TaskExecutor executor;
    private final WindowViewModel vm;
    private final TrackingController tracking;

    public FrameExports(WindowOptions options, TaskExecutor executor, WindowViewModel vm, TrackingController tracking) {
        this.options = options;
        this.executor = executor;
        this.vm = vm;
        this.tracking = tracking;
    }

    /** Where saved meshes, snapshots and recordings go: ~/HandScope, or the handscope.data system property. */
    public static Path dataFolder() {
        return Path.of(System.getProperty("handscope.data", Path.of(System.getProperty("user.home"), "HandScope").toString()));
    }

    /** A new folder (named by the time, to the millisecond) under the data folder's {@code kind}; not created yet. */
    private static Path newDataFolder(String kind) {
        return dataFolder().resolve(kind).resolve(LocalDateTime.now().format(FOLDER_NAMES));
    }

    /** A failure-mining session's folder, failures/mined-&lt;time&gt;, beside the F snapshots; not created yet. */
    static Path newMiningFolder() {
        return dataFolder().resolve("failures").resolve("mined-" + LocalDateTime.now().format(FOLDER_NAMES));
    }

    /** Saves the meshes on screen into a new timestamped folder under ~/HandScope/meshes. */
    public void saveMeshes(ShownFrame shown) {
        var hands = shown.hands();
        if (hands.isEmpty() || shown.meshes().size() != hands.size()) {
            vm.say("no hands to save");
            return;
        }
        Path folder = newDataFolder("meshes");
        String source = vm.source.get() == null ? "" : vm.source.get().toString();
        executor.execute(() -> {
            MeshExport.save(folder, source, shown.width(), shown.height(), options.tracking().fovDegrees(),
                    hands);
            return folder;
        }, saved -> vm.say("saved " + hands.size() + " mesh(es) to " + saved),
                error -> vm.say("cannot save meshes: " + error.getMessage()));
    }

    /** What produced frame {@code sequence}'s results, as a failure snapshot's settings.json records it. */
    Map<String, Object> snapshotSettings(long sequence) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("source", vm.source.get() == null ? "" : vm.source.get());
        settings.put("frame", sequence);
        settings.put("model", tracking.variant().id());
        settings.put("device", vm.trackingState.get());
        settings.put("tracker", tracking.trackerOptions());
        settings.put("fovDegrees", options.tracking().fovDegrees());
        settings.put("mirror", vm.mirrored.get());
        return settings;
    }

    /**
     * Writes the frame on screen ({@code rgb}, null when none) with everything the models saw and
     * said to ~/HandScope/failures/&lt;time&gt;/.
     */
    public void failureSnapshot(ShownFrame shown, byte[] rgb, int width, int height) {
        if (shown.result() == null || rgb == null) {
            vm.say("no tracked frame to snapshot yet");
            return;
        }
        Map<String, Object> settings = snapshotSettings(shown.sequence());
        Path folder = newDataFolder("failures");
        executor.execute(() -> {
            FailureSnapshot.write(folder, rgb, width, height, shown.result(), settings);
            return folder;
        }, written -> {
            vm.say("snapshot in " + written);
            System.out.println("Failure snapshot written to " + written);
        }, error -> vm.say("cannot write the snapshot: " + error.getMessage()));
    }
}
