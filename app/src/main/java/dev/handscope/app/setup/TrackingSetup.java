package dev.handscope.app.setup;

import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.face.FaceTrackerOptions;
import dev.handscope.engine.mediapipe.MediaPipeFaces;
import dev.handscope.engine.mediapipe.MediaPipeHands;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.stage.FaceStage;
import dev.handscope.engine.mesh.CameraModel;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateFile;
import dev.handscope.engine.mesh.mano.ManoLoader;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Hand tracking in the window.
 *
 * @param enabled    run the models at all (off: video only)
 * @param variant    full or lite models
 * @param runtime    device and threads
 * @param tracker    hands, thresholds, smoothing
 * @param fovDegrees horizontal field of view assumed for the camera (mesh placement, 3D view)
 * @param mano       folder with the user's MANO_RIGHT.pkl and MANO_LEFT.pkl, or null for the default template
 * @param explicit   the model and tracker options were given on the command line: they win over the
 *                   window's saved settings for this run
 * @param compare    a landmark model folder for A/B comparison, or null for the other bundled variant
 * @param gestures   a gesture set to import into the user's gestures at start, or null
 * @param model      a model folder to track with instead of the bundled variant's pair, or null
 * @param detector   for a landmark-family model folder: the folder of the detector that finds its crops,
 *                   or null for the bundled palm detector
 * @param faces      most faces tracked for head pose, 0 for none
 * @param facesGiven {@code faces} was given on the command line (--head-pose, --faces): it wins over the
 *                   window's saved head pose switch for this run
 * @param faceModels a folder holding the face models (face_detection_short_range and face_landmark),
 *                   or null for the bundled ones
 * @param camera     a calibrated camera to place the meshes with, or null for {@code fovDegrees}'s pinhole
 * @param handSizeMetres the hand's wrist to middle-MCP distance fixing its scale, or NaN for the model's
 */
public record TrackingSetup(boolean enabled, ModelVariant variant, RuntimeOptions runtime, TrackerOptions tracker,
                            double fovDegrees, Path mano, boolean explicit, Path compare, Path gestures, Path model,
                            Path detector, int faces, boolean facesGiven, Path faceModels, CameraModel camera,
                            double handSizeMetres) {

    /** The face model folders' names in {@code faceModels}, as in the bundled models. */
    public static final String FACE_DETECTOR = "face_detection_short_range";
    public static final String FACE_LANDMARKS = "face_landmark";

    public static TrackingSetup disabled() {
        return new TrackingSetup(false, ModelVariant.FULL, RuntimeOptions.defaults(), TrackerOptions.defaults(), 60, null,
                false, null, null, null, null, 0, false, null, null, Double.NaN);
    }

    public static TrackingSetup defaults() {
        return new TrackingSetup(true, ModelVariant.FULL, RuntimeOptions.defaults(), TrackerOptions.defaults(), 60, null,
                false, null, null, null, null, 0, false, null, null, Double.NaN);
    }

    /** The same set-up tracking up to {@code count} faces too (0: none). */
    public TrackingSetup withFaces(int count) {
        return new TrackingSetup(enabled, variant, runtime, tracker, fovDegrees, mano, explicit, compare, gestures, model,
                detector, count, facesGiven, faceModels, camera, handSizeMetres);
    }

    /** The same set-up tracking with another model: a bundled variant ({@code folder} null) or a model folder. */
    public TrackingSetup withModel(ModelVariant bundled, Path folder) {
        return new TrackingSetup(enabled, bundled, runtime, tracker, fovDegrees, mano, explicit, compare, gestures, folder,
                detector, faces, facesGiven, faceModels, camera, handSizeMetres);
    }

    /**
     * Whether tracking with these settings starts TensorFlow, so that a first start unpacks its native
     * libraries: the bundled models carry their ONNX graphs, and run on ONNX Runtime on the CPU.
     */
    public boolean needsTensorFlow() {
        boolean tensorFlow = ModelRunners.needsTensorFlow(true, runtime);
        for (Path folder : java.util.Arrays.asList(model, detector, compare)) {
            tensorFlow |= folder != null && java.nio.file.Files.isDirectory(folder)
                    && ModelRunners.needsTensorFlow(folder, runtime);
        }
        if (faceModels != null && faces > 0) {
            tensorFlow |= ModelRunners.needsTensorFlow(faceModels.resolve(FACE_DETECTOR), runtime)
                    || ModelRunners.needsTensorFlow(faceModels.resolve(FACE_LANDMARKS), runtime);
        }
        return tensorFlow;
    }

    /**
     * The face stage for these settings: MediaPipe's face models (the bundled ones or {@code faceModels}'s)
     * and head pose at this field of view. A model that does not load is an error naming its folder and
     * saying what to do.
     */
    public FaceStage faceStage() throws IOException, ModelLoadException {
        ModelCatalogue bundled = faceModels == null ? ModelCatalogue.bundled() : null;
        Path detectorDir = bundled != null ? bundled.faceDetector() : faceModels.resolve(FACE_DETECTOR);
        Path landmarkDir = bundled != null ? bundled.faceLandmarks() : faceModels.resolve(FACE_LANDMARKS);
        try {
            return MediaPipeFaces.stage(detectorDir, landmarkDir, runtime,
                    FaceTrackerOptions.defaults().withNumFaces(Math.max(1, faces)).withSmoothing(tracker.smoothing()),
                    fovDegrees);
        } catch (ModelLoadException e) {
            String problem = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
            throw new ModelLoadException(problem + (faceModels != null
                    ? " --face-models " + faceModels + " should hold MediaPipe's two face models as SavedModel folders, "
                            + FACE_DETECTOR + " and " + FACE_LANDMARKS + " (convert each .tflite with 'handscope"
                            + " convert'); fix the folder, or leave the option out for the bundled models."
                    : " The bundled face models are damaged: reinstall HandScope (or rebuild its models module)."), e);
        }
    }

    /**
     * The pipeline for these settings with this variant's bundled models, or the model folder's.
     * Faces that cannot be tracked (their models do not load) leave the hands working: {@code faceProblem}
     * receives why.
     */
    public HandPipeline loadPipeline(ModelVariant bundledVariant, TrackerOptions options,
                                     java.util.function.Consumer<String> faceProblem)
            throws IOException, ModelLoadException {
        ModelCatalogue models = ModelCatalogue.bundled();
        HandPipeline pipeline = model != null
                ? new HandPipeline(ModelFolder.load(model, detector, bundledVariant, runtime), options)
                : MediaPipeHands.pipeline(models.palmDetector(bundledVariant), models.handLandmarks(bundledVariant),
                        runtime, options);
        if (faces > 0) {
            try {
                pipeline.trackFaces(faceStage());
            } catch (IOException | ModelLoadException e) {
                faceProblem.accept("Head pose is off: " + e.getMessage());
            }
        }
        return pipeline;
    }

    /**
     * Gives the pipeline's tracker a second copy of its landmark model, so two tracked hands are
     * landmarked side by side (live runs; one-stage models have none). Results do not change: each
     * crop is answered by the same model.
     */
    public void landmarkInParallel(HandPipeline pipeline, ModelVariant bundledVariant)
            throws IOException, ModelLoadException {
        if (pipeline.models().landmarker() == null) {
            return;
        }
        dev.handscope.engine.model.HandLandmarker copy;
        // The copy only ever runs beside the first landmarker: one thread is all it gets.
        RuntimeOptions besideFirst = runtime.withThreads(1, runtime.interOpThreads());
        if (model == null || ModelFolder.isPalmDetector(model)) {
            copy = dev.handscope.engine.landmarks.HandLandmarkModel.load(
                    ModelCatalogue.bundled().handLandmarks(bundledVariant), besideFirst);
        } else {
            copy = ModelFolder.loadComparison(model, besideFirst).landmarker();
        }
        pipeline.tracker().landmarkInParallel(copy);
    }

    /** The model's name as readouts show it: the variant, or the model folder's name. */
    public String modelName(ModelVariant bundledVariant) {
        return model == null ? bundledVariant.id() : String.valueOf(model.getFileName());
    }

    /**
     * The mesher for these settings: MANO when a folder is given and loads, else the default
     * template; {@code warnings} receives why MANO could not be used.
     */
    public HandMesher mesher(java.util.function.Consumer<String> warnings) throws IOException {
        return mesher(camera != null ? camera : CameraModel.fieldOfView(fovDegrees), handSizeMetres, warnings);
    }

    /**
     * As {@link #mesher(java.util.function.Consumer)}, with a camera of its own (a calibration) and a
     * hand size (wrist to middle MCP, metres; NaN for the landmark model's scale).
     */
    public HandMesher mesher(CameraModel camera, double handSizeMetres, java.util.function.Consumer<String> warnings)
            throws IOException {
        if (mano != null) {
            try {
                HandTemplate[] pair = ManoLoader.loadPair(mano);
                return new HandMesher(pair[0], pair[1], camera, handSizeMetres);
            } catch (IOException e) {
                warnings.accept(e.getMessage() + " Using HandScope's default hand instead.");
            }
        }
        HandTemplate right = HandTemplateFile.bundled();
        return new HandMesher(right, right.mirrored(), camera, handSizeMetres);
    }
}
