package dev.handscope.engine.model;

import dev.handscope.engine.inference.InferenceDevice;

/**
 * The models a pipeline tracks hands with: a detector and, for two-stage families, a landmarker
 * (null for one-stage models whose detections carry landmarks). Closing closes both.
 *
 * @param device where the models run (for readouts)
 */
public record HandModels(HandDetector detector, HandLandmarker landmarker, InferenceDevice device)
        implements AutoCloseable {

    @Override
    public void close() {
        detector.close();
        if (landmarker != null) {
            landmarker.close();
        }
    }
}
