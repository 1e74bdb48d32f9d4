package dev.handscope.app.ui.controllers;

import dev.handscope.app.concurrent.Task;
import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.settings.Settings;
import dev.handscope.app.setup.ModelFolder;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.stream.EventServer;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.capture.CaptureSession;
import dev.handscope.engine.gesture.UserGestures;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.landmarks.HandLandmarkModel;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.pipeline.InferenceLoop;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.stage.MiningStage;
import dev.handscope.engine.tracking.SmoothingOptions;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import dev.handscope.engine.inference.ModelLoadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The tracking lifecycle: loads the models in the background (the video plays meanwhile), runs
 * inference on the open source, reloads when the settings change the model, runs the A/B model,
 * the recording, the hand stream and the OSC / VMC outputs. Used on the FX thread only.
 */
public final class TrackingController {
    private final WindowOptions options;
    private final TaskExecutor executor;
    private final WindowViewModel vm;
    private final WindowNotices notices;
    private final UserGestures gestures;
    private final Supplier<CaptureSession> source;
    private final List<Consumer<FrameResult>> listeners;
    private final RecordingControl recorder;
    private HandPipeline pipeline;
    private HandMesher mesher;
    private InferenceLoop inference;
    private EventServer server;
    private final UdpOutputControl udp;
    private Task loading;
    /** Where mined failures go while mining is on (also on the next inference), else null. */
    private MiningStage.Sink mining;

    /**
     * @param source    the source open now (null when none), whose frames inference reads
     * @param listeners told of every result, besides the stream's clients
     */
    public TrackingController(WindowOptions options, TaskExecutor executor, WindowViewModel vm, WindowNotices notices,
                              UserGestures gestures, Supplier<CaptureSession> source,
                              List<Consumer<FrameResult>> listeners) {
        this.options = options;
        this.executor = executor;
        this.vm = vm;
        this.notices = notices;
        this.gestures = gestures;
        this.source = source;
        this.listeners = List.copyOf(listeners);
        this.recorder = new RecordingControl(executor, vm::say, this::recordingFailed);
        this.udp = new UdpOutputControl(options.outputs(), vm, executor); // --osc / --vmc win for this run
        vm.compare.addListener((obs, was, on) -> compare(on));
        // --head-pose / --faces win for this run; without them the saved switch says.
        vm.headPose.set(options.tracking().facesGiven() ? options.tracking().faces() > 0 : vm.settings.get().headPose());
        vm.headPose.addListener((obs, was, on) -> headPose(on));
    }

    /** What loading the models gives: the pipeline, the mesher, and why MANO was not used (empty if it was). */
    private record Loaded(HandPipeline pipeline, HandMesher mesher, String manoProblem, String faceProblem)
            implements AutoCloseable {
        @Override
        public void close() {
            pipeline.close();
        }
    }

    /** Loads the models in the background; the video plays meanwhile. */
    public void load() {
        TrackingSetup setup = options.tracking();
        if (!setup.enabled()) {
            vm.trackingState.set("tracking off");
            vm.trackingSettled.set(true);
            return;
        }
        vm.trackingState.set("loading models…");
        ModelVariant variant = variant();
        TrackerOptions tracker = trackerOptions();
        TrackingSetup withFaces = facesSetup();
        loading = executor.execute(() -> {
            StringBuilder faceProblem = new StringBuilder();
            HandPipeline loaded = withFaces.loadPipeline(variant, tracker, faceProblem::append);
            try {
                withFaces.landmarkInParallel(loaded, variant); // two hands side by side, one per core
                // Live: tracked hands never wait for the palm detector. Set here, off the FX thread:
                // readying the models' one-core sessions takes as long as loading them.
                loaded.tracker().detectConcurrently(true);
            } catch (IOException | ModelLoadException | RuntimeException e) {
                loaded.close();
                throw e;
            }
            StringBuilder warning = new StringBuilder();
            HandMesher built = setup.mesher(warning::append);
            return new Loaded(loaded, built, warning.toString(), faceProblem.toString());
        }, loaded -> {
            loading = null;
            pipeline = loaded.pipeline();
            vm.modelsLoaded.set(true);
            pipeline.tracker().keepModelViews(true); // crops and raw outputs for the debug views and snapshots
            pipeline.gestures().useGestures(gestures);
            pipeline.signals().fieldOfView(setup.fovDegrees()); // camera space as the meshes have it
            mesher = loaded.mesher();
            vm.trackingState.set(setup.modelName(variant) + " · " + pipeline.models().device().name() + " · "
                    + pipeline.models().runtimeName());
            startInference();
            if (!loaded.faceProblem().isEmpty()) {
                vm.headPose.set(false);
                notices.message("Head pose not available", loaded.faceProblem());
            }
            if (!loaded.manoProblem().isEmpty()) {
                notices.message("MANO not loaded", loaded.manoProblem());
            }
        }, error -> {
            loading = null;
            vm.trackingState.set("tracking unavailable");
            vm.trackingSettled.set(true);
            notices.trackingUnavailable(error.getMessage() + " The video keeps playing.");
        });
    }

    /**
     * Mines failures with the window's options, now and on every inference started later; each frame a
     * trigger fired on goes to {@code sink} on the inference thread (null stops mining).
     */
    public void mineFailures(MiningStage.Sink sink) {
        mining = sink;
        if (inference != null) {
            if (sink != null) {
                inference.mineFailures(options.mining(), sink);
            } else {
                inference.stopMining();
            }
        }
    }

    /** The inference running on the source, or null. */
    public InferenceLoop inference() {
        return inference;
    }

    /** Starts inference on the open source, once the models are loaded and unless it runs already. */
    public void startInference() {
        CaptureSession session = source.get();
        if (pipeline == null || session == null || inference != null) {
            return;
        }
        inference = new InferenceLoop(pipeline, mesher, session.frames());
        listeners.forEach(inference::addListener);
        inference.addListener(udp::beforeMesh);
        inference.addMeshListener(udp::afterMesh);
        if (mining != null) {
            inference.mineFailures(options.mining(), mining);
        }
        if (options.serve() != null) {
            if (server == null) {
                server = new EventServer(options.serve(), stopped -> Platform.runLater(
                        () -> notices.message("Hand stream stopped", stopped)));
                server.start();
            }
            inference.addListener(server::publish);
        }
        inference.start();
    }

    /** Takes inference off the source about to close; the caller closes what this returns (null when none ran). */
    public AutoCloseable detach() {
        InferenceLoop running = inference;
        inference = null;
        return running;
    }

    /** Called with each status refresh: a failed inference is said once and dropped, as is a failed recording. */
    public void checkFailures() {
        udp.refresh(System.nanoTime());
        InferenceLoop running = inference;
        if (running != null && running.failure() != null) {
            vm.trackingState.set("tracking stopped");
            notices.trackingStopped(running.failure());
            inference = null;
        }
        recorder.checkFailure();
    }

    /** Results per second, or -1 while no inference runs. */
    public double rate() {
        return inference == null ? -1 : inference.rate();
    }

    /** The model variant in effect: the command line's when given, else the saved setting. */
    public ModelVariant variant() {
        return options.tracking().explicit() ? options.tracking().variant() : ModelVariant.parse(vm.settings.get().model());
    }

    /** The tracker's options: the command line's when it named a model, else the saved settings'. */
    public TrackerOptions trackerOptions() {
        if (options.tracking().explicit()) {
            return options.tracking().tracker();
        }
        Settings settings = vm.settings.get();
        var base = options.tracking().tracker();
        var smoothing = new SmoothingOptions(settings.smoothing(), settings.smoothingCutoff(),
                base.smoothing().beta(), base.smoothing().derivativeCutoff());
        return new TrackerOptions(settings.numHands(), settings.minDetection(),
                settings.minPresence(), settings.minTracking(), base.redetectInterval(), smoothing);
    }

    /** New settings: the models reloaded if the variant changed, else the tracker's options updated at once. */
    public void settingsChanged(Settings before, Settings changed) {
        if (!options.tracking().enabled() || pipeline == null) {
            return;
        }
        if (!changed.model().equals(before.model()) && !options.tracking().explicit()) {
            AutoCloseable running = detach();
            HandPipeline old = pipeline;
            pipeline = null;
            vm.modelsLoaded.set(false);
            executor.execute(() -> {
                if (running != null) {
                    running.close();
                }
                old.close();
                return null;
            }, done -> load(), error -> load());
        } else if (inference != null) {
            inference.updateOptions(trackerOptions());
        }
    }

    /** The A/B model's name: the --compare folder's, else the other variant's. */
    public String comparisonName() {
        Path folder = options.tracking().compare();
        return folder != null ? folder.getFileName().toString() : otherVariant().id();
    }

    private ModelVariant otherVariant() {
        return variant() == ModelVariant.FULL ? ModelVariant.LITE : ModelVariant.FULL;
    }

    /** The set-up with faces as the window has them now (P / the Debug menu), at least one when on. */
    private TrackingSetup facesSetup() {
        TrackingSetup setup = options.tracking();
        return setup.withFaces(vm.headPose.get() ? Math.max(1, setup.faces()) : 0);
    }

    /** P: loads the face models in the background and tracks faces beside the hands, or stops. */
    private void headPose(boolean on) {
        HandPipeline current = pipeline;
        if (current == null) {
            return; // taken up when the models load
        }
        if (!on) {
            current.trackFaces(null);
            return;
        }
        TrackingSetup setup = facesSetup();
        executor.execute(setup::faceStage, stage -> {
            if (vm.headPose.get() && pipeline == current) {
                current.trackFaces(stage);
            } else {
                closeQuietly(stage);
            }
        }, error -> {
            vm.headPose.set(false);
            notices.message("Head pose not available", error.getMessage());
        });
    }

    private static void closeQuietly(AutoCloseable stage) {
        try {
            stage.close();
        } catch (Exception e) {
            // the face models are gone either way
        }
    }

    /** A/B: loads the other landmark model in the background and runs it beside the first. */
    private void compare(boolean on) {
        HandPipeline current = pipeline;
        if (current == null) {
            vm.say("A/B needs hand tracking running");
            return;
        }
        if (!on) {
            current.compareWith(null);
            return;
        }
        Path folder = options.tracking().compare();
        ModelVariant other = otherVariant();
        RuntimeOptions runtime = options.tracking().runtime();
        executor.execute(() -> folder != null ? ModelFolder.loadComparison(folder, runtime)
                : new ModelFolder.SecondModel(HandLandmarkModel.load(ModelCatalogue.bundled().handLandmarks(other),
                        runtime), null), loaded -> {
            if (vm.compare.get() && pipeline == current) {
                if (loaded.landmarker() != null) {
                    current.compareWith(loaded.landmarker());
                } else {
                    current.compareWithOneStage(loaded.oneStage());
                }
            } else {
                loaded.close();
            }
        }, error -> {
            vm.compare.set(false);
            notices.message("A/B model not loaded", error.getMessage());
        });
    }

    /** V: starts or stops recording what the pipeline processes, frames of {@code width}×{@code height}. */
    public void record(boolean on, Path folder, int width, int height) {
        if (!on) {
            recorder.stop();
        } else if (inference == null || width == 0) {
            vm.say("recording needs hand tracking running");
            vm.recording.set(false);
        } else {
            try {
                recorder.start(inference, folder, width, height);
            } catch (IOException e) {
                vm.say(e.getMessage());
                vm.recording.set(false);
            }
        }
    }

    /** A recording that stopped by itself: said at once, in a message that names the files kept. */
    private void recordingFailed(String problem) {
        vm.recording.set(false);
        notices.message("Recording stopped", problem);
    }

    /** Stops inference, the stream and the models; a load still under way is dropped (and its models closed). */
    public void close() {
        if (loading != null) {
            loading.cancel();
        }
        udp.close();
        if (server != null) {
            try {
                server.stop(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        InferenceLoop running = inference;
        inference = null;
        if (running != null) {
            running.close();
        }
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }
}
