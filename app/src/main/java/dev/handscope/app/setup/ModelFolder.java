package dev.handscope.app.setup;

import dev.handscope.engine.family.heatmap.Heatmap25dLandmarker;
import dev.handscope.engine.family.heatmap.HeatmapLandmarker;
import dev.handscope.engine.family.heatmap.SimccLandmarker;
import dev.handscope.engine.family.mesh.HandMeshDetector;
import dev.handscope.engine.family.yolo.YoloPoseDetector;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.TensorFlowRuntime;
import dev.handscope.engine.landmarks.HandLandmarkModel;
import dev.handscope.engine.mediapipe.MediaPipeHands;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.HandModels;
import dev.handscope.engine.palm.PalmDetectorModel;
import dev.handscope.engine.pipeline.NativeLibraries;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import dev.handscope.models.convert.ModelKind;
import dev.handscope.models.convert.ModelManifest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A user's model folder (a SavedModel with its model.json) as the models a pipeline tracks with:
 * the manifest's kind picks the family; a landmark family (hand-landmarks, heatmap, simcc,
 * heatmap-2.5d) is paired with the bundled palm detector of {@code variant} (or another detector), a
 * palm detector with the bundled landmark model; a one-stage family (yolo-pose, hand-mesh) runs alone.
 */
public final class ModelFolder {
    private static final String SUPPORTED = "palm-detector, hand-landmarks, yolo-pose, heatmap, simcc, heatmap-2.5d"
            + " and hand-mesh";

    private ModelFolder() {
    }

    /** The second model of an A/B run: a landmarker for every crop, or a one-stage detector for every frame. */
    public record SecondModel(HandLandmarker landmarker, HandDetector oneStage) implements AutoCloseable {
        @Override
        public void close() {
            if (landmarker != null) {
                landmarker.close();
            }
            if (oneStage != null) {
                oneStage.close();
            }
        }
    }

    /**
     * @param detectorFolder for a landmark family: the model folder whose detector finds its crops (a
     *                       palm-detector or a yolo-pose model), or null for the bundled palm detector
     */
    public static HandModels load(Path folder, Path detectorFolder, ModelVariant variant, RuntimeOptions runtime)
            throws ModelLoadException {
        Family family = read(folder);
        try {
            ModelCatalogue bundled = ModelCatalogue.bundled();
            if (family.kind() == ModelKind.PALM_DETECTOR) {
                return MediaPipeHands.load(folder, bundled.handLandmarks(variant), runtime);
            }
            if (family.oneStageKind()) {
                return new HandModels(family.oneStage(runtime), null, TensorFlowRuntime.resolve(runtime.device()));
            }
            if (detectorFolder == null) {
                return MediaPipeHands.withPalmDetector(bundled.palmDetector(variant), runtime,
                        () -> family.landmarker(runtime));
            }
            return HandModels.twoStage(detector(detectorFolder, runtime), () -> family.landmarker(runtime),
                    TensorFlowRuntime.resolve(runtime.device()));
        } catch (IOException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }

    /** A detector-capable model folder: a palm detector, or a one-stage model whose boxes become the crops. */
    private static HandDetector detector(Path folder, RuntimeOptions runtime) throws ModelLoadException {
        Family family = read(folder);
        return switch (family.kind()) {
            case PALM_DETECTOR -> PalmDetectorModel.load(folder, runtime);
            case YOLO_POSE, HAND_MESH -> family.oneStage(runtime);
            default -> throw new ModelLoadException(folder + ": a " + family.kind().id() + " model finds no hands in a"
                    + " whole image; --detector takes a palm-detector, yolo-pose or hand-mesh model");
        };
    }

    /** Whether a model folder holds a palm detector (which then finds the crops of the bundled landmark model). */
    public static boolean isPalmDetector(Path folder) throws ModelLoadException {
        return read(folder).kind() == ModelKind.PALM_DETECTOR;
    }

    /** A model folder of any family as the second model of an A/B run. */
    public static SecondModel loadComparison(Path folder, RuntimeOptions runtime) throws ModelLoadException {
        Family family = read(folder);
        if (family.kind() == ModelKind.PALM_DETECTOR) {
            throw new ModelLoadException(folder + ": a palm detector finds no landmarks to compare; A/B takes a"
                    + " hand-landmarks, yolo-pose, hand-mesh, heatmap, simcc or heatmap-2.5d model");
        }
        return family.oneStageKind() ? new SecondModel(null, family.oneStage(runtime))
                : new SecondModel(family.landmarker(runtime), null);
    }

    private static Family read(Path folder) throws ModelLoadException {
        try {
            ModelManifest manifest = ModelManifest.read(folder);
            Family family = new Family(folder, manifest.kind(),
                    new ManifestOptions(folder, manifest, ModelManifest.familyFields(folder)));
            if (family.kind() == ModelKind.GENERIC || family.kind() == ModelKind.FACE_DETECTOR
                    || family.kind() == ModelKind.FACE_LANDMARKS) {
                throw new ModelLoadException(folder + ": a " + family.kind().id() + " model cannot track hands"
                        + " (HandScope tracks hands with " + SUPPORTED + " models)");
            }
            NativeLibraries.load(true);
            return family;
        } catch (IOException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }

    /** A folder's family and its options. */
    private record Family(Path folder, ModelKind kind, ManifestOptions options) {
        HandLandmarker landmarker(RuntimeOptions runtime) throws ModelLoadException {
            return switch (kind) {
                case HAND_LANDMARKS -> HandLandmarkModel.load(folder, runtime);
                case HEATMAP -> HeatmapLandmarker.load(folder, options.heatmap(), runtime);
                case SIMCC -> SimccLandmarker.load(folder, options.simcc(), runtime);
                case HEATMAP_25D -> Heatmap25dLandmarker.load(folder, options.heatmap25d(), runtime);
                default -> throw new ModelLoadException(folder + ": a " + kind.id() + " model is not a landmark model");
            };
        }

        boolean oneStageKind() {
            return kind == ModelKind.YOLO_POSE || kind == ModelKind.HAND_MESH;
        }

        HandDetector oneStage(RuntimeOptions runtime) throws ModelLoadException {
            return kind == ModelKind.HAND_MESH ? HandMeshDetector.load(folder, options.handMesh(), runtime)
                    : YoloPoseDetector.load(folder, options.yoloPose(), runtime);
        }
    }
}
