package dev.handscope.engine.face;

import dev.handscope.engine.tracking.SmoothingOptions;

/**
 * How faces are found and followed.
 *
 * @param numFaces               most faces tracked at once
 * @param minDetectionConfidence face probability needed to start a face (MediaPipe: 0.5)
 * @param minPresenceConfidence  the landmark model's face presence needed to keep or start a face (0.5)
 * @param minTrackingConfidence  IoU above which two faces are the same face: a detection over a
 *                               tracked face is ignored and duplicate tracks are merged
 * @param redetectInterval       while fewer than numFaces are tracked (but at least one), run the
 *                               detector every this many frames; with none tracked, every frame
 * @param smoothing              One Euro filtering of the 468 landmarks (MediaPipe's face landmarker:
 *                               min cutoff 0.05, beta 80, derivative cutoff 1)
 */
public record FaceTrackerOptions(int numFaces, double minDetectionConfidence, double minPresenceConfidence,
                                 double minTrackingConfidence, int redetectInterval, SmoothingOptions smoothing) {

    public FaceTrackerOptions {
        if (numFaces < 1) {
            throw new IllegalArgumentException("num faces must be at least 1, got " + numFaces);
        }
        if (redetectInterval < 1) {
            throw new IllegalArgumentException("re-detect interval must be at least 1 frame, got " + redetectInterval);
        }
        for (double confidence : new double[] {minDetectionConfidence, minPresenceConfidence, minTrackingConfidence}) {
            if (confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("confidences are between 0 and 1, got " + confidence);
            }
        }
    }

    public static FaceTrackerOptions defaults() {
        return new FaceTrackerOptions(1, FaceDetectorModel.MIN_SCORE, FaceLandmarkModel.MIN_PRESENCE, 0.5, 10,
                SmoothingOptions.defaults());
    }

    public FaceTrackerOptions withNumFaces(int value) {
        return new FaceTrackerOptions(value, minDetectionConfidence, minPresenceConfidence, minTrackingConfidence,
                redetectInterval, smoothing);
    }

    public FaceTrackerOptions withSmoothing(SmoothingOptions value) {
        return new FaceTrackerOptions(numFaces, minDetectionConfidence, minPresenceConfidence, minTrackingConfidence,
                redetectInterval, value);
    }

    public FaceTrackerOptions withRedetectInterval(int frames) {
        return new FaceTrackerOptions(numFaces, minDetectionConfidence, minPresenceConfidence, minTrackingConfidence,
                frames, smoothing);
    }
}
