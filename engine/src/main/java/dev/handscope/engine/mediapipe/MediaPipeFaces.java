package dev.handscope.engine.mediapipe;

import dev.handscope.engine.face.FaceDetectorModel;
import dev.handscope.engine.face.FaceLandmarkModel;
import dev.handscope.engine.face.FaceTracker;
import dev.handscope.engine.face.FaceTrackerOptions;
import dev.handscope.engine.headpose.CanonicalFace;
import dev.handscope.engine.headpose.FaceGeometry;
import dev.handscope.engine.headpose.PnpHeadPose;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.pipeline.NativeLibraries;
import dev.handscope.engine.stage.FaceStage;
import java.io.IOException;
import java.nio.file.Path;

/** MediaPipe's face models (BlazeFace short range, face mesh landmarks) and its canonical face as a face stage. */
public final class MediaPipeFaces {
    private MediaPipeFaces() {
    }

    /**
     * Loads both face models and the canonical face; on failure nothing stays open.
     *
     * @param fovDegrees the camera's horizontal field of view, for head pose
     */
    public static FaceStage stage(Path detectorDir, Path landmarkDir, RuntimeOptions runtime,
                                  FaceTrackerOptions options, double fovDegrees) throws ModelLoadException {
        NativeLibraries.load(ModelRunners.needsTensorFlow(detectorDir, runtime)
                || ModelRunners.needsTensorFlow(landmarkDir, runtime));
        CanonicalFace canonical;
        try {
            canonical = CanonicalFace.bundled();
        } catch (IOException e) {
            throw new ModelLoadException("the canonical face for head pose: " + e.getMessage(), e);
        }
        // The face stage runs on its own thread beside the hands: one core each.
        RuntimeOptions besideHands = runtime.withThreads(1, runtime.interOpThreads());
        FaceDetectorModel detector = FaceDetectorModel.load(detectorDir, besideHands);
        try {
            FaceLandmarkModel landmarker = FaceLandmarkModel.load(landmarkDir, besideHands);
            return new FaceStage(new FaceTracker(detector, landmarker, options), new FaceGeometry(canonical),
                    new PnpHeadPose(canonical), fovDegrees, () -> {
                        landmarker.close();
                        detector.close();
                    });
        } catch (ModelLoadException | RuntimeException e) {
            detector.close();
            throw e;
        }
    }
}
