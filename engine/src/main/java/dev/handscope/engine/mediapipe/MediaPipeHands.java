package dev.handscope.engine.mediapipe;

import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.landmarks.HandLandmarkModel;
import dev.handscope.engine.model.HandModels;
import dev.handscope.engine.palm.PalmDetectorModel;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.pipeline.NativeLibraries;
import dev.handscope.engine.tracking.TrackerOptions;
import java.nio.file.Path;

/** MediaPipe's two hand models (palm detector, landmark model) loaded as one pipeline's models. */
public final class MediaPipeHands {
    private MediaPipeHands() {
    }

    /** Loads both models; on failure nothing stays open. */
    public static HandModels load(Path palmModelDir, Path landmarkModelDir, RuntimeOptions runtime)
            throws ModelLoadException {
        if (ModelRunners.needsTensorFlow(landmarkModelDir, runtime)) {
            NativeLibraries.load(true);
        }
        return withPalmDetector(palmModelDir, runtime, () -> HandLandmarkModel.load(landmarkModelDir, runtime));
    }

    /** MediaPipe's palm detector finding the crops for {@code landmarker}; on failure nothing stays open. */
    public static HandModels withPalmDetector(Path palmModelDir, RuntimeOptions runtime,
                                              HandModels.LandmarkerLoad landmarker) throws ModelLoadException {
        NativeLibraries.load(ModelRunners.needsTensorFlow(palmModelDir, runtime));
        PalmDetectorModel palm = PalmDetectorModel.load(palmModelDir, runtime);
        return HandModels.twoStage(palm, landmarker, palm.device());
    }

    /** Loads both models into a pipeline. */
    public static HandPipeline pipeline(Path palmModelDir, Path landmarkModelDir, RuntimeOptions runtime,
                                        TrackerOptions options) throws ModelLoadException {
        return new HandPipeline(load(palmModelDir, landmarkModelDir, runtime), options);
    }
}
