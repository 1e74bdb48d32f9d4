package dev.handscope.app.cli;

import dev.handscope.app.settings.ConfigFiles;
import dev.handscope.app.settings.GestureStore;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.engine.gesture.UserGestures;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelBackend;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.tracking.SmoothingOptions;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelVariant;
import java.io.IOException;
import picocli.CommandLine.Option;

/** The tracking options shared by detect, track and bench (a picocli mixin). */
final class PipelineOptions {

    /** Each tracked hand costs one landmark-model run per frame; past four the frame rate collapses. */
    static final int MAX_HANDS = 4;
    /** Each face costs a landmark run per frame, like a hand. */
    static final int MAX_FACES = 4;
    /** More intra-op threads than this only adds contention, whatever the machine. */
    static final int MAX_THREADS = 64;

    @Option(names = "--num-hands", paramLabel = "N", defaultValue = "2",
            description = "Most hands tracked at once, 1 to 4. Default: ${DEFAULT-VALUE}.")
    int numHands;

    @Option(names = "--model", paramLabel = "full|lite|DIR", defaultValue = "full",
            description = "Model variant for the palm detector and the landmark model, or a model folder (a SavedModel"
                    + " with its model.json, e.g. written by convert). Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--detector", paramLabel = "DIR",
            description = "With a landmark-family --model folder: the model folder (palm-detector, yolo-pose or hand-mesh) whose"
                    + " detections are its crops. Default: the bundled palm detector.")
    java.nio.file.Path detector;

    @Option(names = "--faces", paramLabel = "N",
            description = "Also track up to N faces (0 to 4) with their head pose. Default: 1 with --head-pose, else 0.")
    Integer faces;

    @Option(names = "--head-pose", description = "Track faces too and report each head's yaw, pitch and roll.")
    boolean headPose;

    @Option(names = "--face-models", paramLabel = "DIR",
            description = "With --head-pose: the folder holding the face models as SavedModel folders,"
                    + " face_detection_short_range and face_landmark. Default: the bundled ones.")
    java.nio.file.Path faceModels;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the models run. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "Intra-op threads of a model running alone, 1 to 64. Default: auto (2 on ONNX Runtime on two"
                    + " or more cores, one beside another model; 1 on TensorFlow). See README, Performance.")
    Integer threads;

    @Option(names = "--backend", paramLabel = "auto|tensorflow|onnx", defaultValue = "auto",
            description = "Which runtime runs the models: auto is ONNX Runtime on the CPU for converted models (about"
                    + " twice as fast), TensorFlow for other SavedModels and on the GPU. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--min-detection-confidence", paramLabel = "P", defaultValue = "0.5",
            description = "Palm probability needed to start a hand. Default: ${DEFAULT-VALUE}.")
    double minDetection;

    @Option(names = "--min-presence-confidence", paramLabel = "P", defaultValue = "0.5",
            description = "Hand presence needed to keep or start a hand. Default: ${DEFAULT-VALUE}.")
    double minPresence;

    @Option(names = "--min-tracking-confidence", paramLabel = "IOU", defaultValue = "0.5",
            description = "Overlap above which two detections are the same hand. Default: ${DEFAULT-VALUE}.")
    double minTracking;

    @Option(names = "--redetect-interval", paramLabel = "FRAMES", defaultValue = "10",
            description = "While fewer than --num-hands are tracked, look for more every this many frames."
                    + " Default: ${DEFAULT-VALUE}.")
    int redetectInterval;

    @Option(names = "--no-smoothing", description = "Report raw landmarks (no One Euro filter).")
    boolean noSmoothing;

    @Option(names = "--smoothing-min-cutoff", paramLabel = "HZ", defaultValue = "0.05",
            description = "One Euro min cutoff: lower is steadier. Default: ${DEFAULT-VALUE}.")
    double minCutoff;

    @Option(names = "--smoothing-beta", paramLabel = "B", defaultValue = "80",
            description = "One Euro beta: higher lags less. Default: ${DEFAULT-VALUE}.")
    double beta;

    @Option(names = "--gestures", paramLabel = "FILE",
            description = "Also recognise your own gestures from this gesture set (exported from the window).")
    java.nio.file.Path gestures;

    /** Checks every value against its range before anything loads (the message names option, range and value). */
    void check() {
        OptionRanges.wholeNumber("--num-hands", numHands, 1, MAX_HANDS);
        if (faces != null) {
            OptionRanges.wholeNumber("--faces", faces, 0, MAX_FACES);
        }
        if (threads != null) {
            threads(threads);
        }
        OptionRanges.number("--min-detection-confidence", minDetection, 0, 1, "");
        OptionRanges.number("--min-presence-confidence", minPresence, 0, 1, "");
        OptionRanges.number("--min-tracking-confidence", minTracking, 0, 1, "");
        OptionRanges.wholeNumber("--redetect-interval", redetectInterval, 1, 1000);
        OptionRanges.above("--smoothing-min-cutoff", minCutoff, 0, 1000);
        OptionRanges.number("--smoothing-beta", beta, 0, 10_000, "");
    }

    /** A --backend value (also bench-models' own). */
    static ModelBackend backend(String text) {
        try {
            return ModelBackend.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.USAGE, "--backend: " + e.getMessage());
        }
    }

    /** A --threads value (also bench-models' own). */
    static int threads(int value) {
        return OptionRanges.wholeNumber("--threads", value, 1, MAX_THREADS);
    }

    /** Whether --faces or --head-pose was given (then it wins over the window's saved head pose switch). */
    boolean facesGiven() {
        return faces != null || headPose;
    }

    /** How many faces to track: --faces, else 1 with --head-pose, else none. */
    int faces() {
        return faces != null ? faces : headPose ? 1 : 0;
    }

    /** The bundled variant: the one named, or full beside a model folder. */
    ModelVariant variant() {
        return modelFolder() == null ? ModelVariant.parse(model) : ModelVariant.FULL;
    }

    /** The model folder --model names, or null for a bundled variant. */
    java.nio.file.Path modelFolder() {
        for (ModelVariant variant : ModelVariant.values()) {
            if (variant.id().equalsIgnoreCase(model.trim())) {
                return null;
            }
        }
        return java.nio.file.Path.of(model);
    }

    /** What --model chose, as reports name it: full, lite or the folder. */
    String modelId() {
        return modelFolder() == null ? variant().id() : model;
    }

    RuntimeOptions runtime() {
        RuntimeOptions options = RuntimeOptions.defaults().withDevice(InferenceDevice.parse(device))
                .withBackend(backend(backend));
        return threads == null ? options : options.withThreads(threads, options.interOpThreads());
    }

    TrackerOptions tracker() {
        SmoothingOptions smoothing = new SmoothingOptions(!noSmoothing, minCutoff, beta, 1.0);
        return new TrackerOptions(numHands, minDetection, minPresence, minTracking, redetectInterval, smoothing);
    }

    /** These options as the tracking set-up the window uses too (field of view and MANO folder for meshes). */
    TrackingSetup setup(double fovDegrees, java.nio.file.Path mano) {
        return new TrackingSetup(true, variant(), runtime(), tracker(), fovDegrees, mano, true, null, null,
                modelFolder(), detector, faces(), facesGiven(), faceModels, null, Double.NaN);
    }

    /** @param err where a face-tracking problem is said (the hands are tracked all the same) */
    HandPipeline loadPipeline(java.io.PrintWriter err) throws IOException, ModelLoadException {
        UserGestures own = new UserGestures();
        if (gestures != null) {
            try {
                GestureStore.read(gestures).into(own);
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError(UserError.FAILED, gestures + " is not a usable gesture set: "
                        + ConfigFiles.reason(e, gestures), e);
            }
        }
        HandPipeline pipeline = setup(MeshCommand.DEFAULT_FOV, null).loadPipeline(variant(), tracker(),
                problem -> err.println("handscope: " + problem + " (hands are tracked without faces)"));
        pipeline.gestures().useGestures(own);
        return pipeline;
    }
}
