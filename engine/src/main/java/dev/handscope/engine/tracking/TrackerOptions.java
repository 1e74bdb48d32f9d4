package dev.handscope.engine.tracking;

/**
 * How hands are found and followed.
 *
 * @param numHands              most hands tracked at once
 * @param minDetectionConfidence palm probability needed to start a hand
 * @param minPresenceConfidence the landmark model's hand presence needed to keep (or start) a hand
 * @param minTrackingConfidence overlap (IoU) above which two hands are the same hand: a new palm
 *                              over a tracked hand is ignored and duplicate tracks are merged
 * @param redetectInterval      while fewer than numHands are tracked (but at least one), run the
 *                              palm detector every this many frames; with none tracked, every frame
 * @param smoothing             landmark filtering
 */
public record TrackerOptions(int numHands, double minDetectionConfidence, double minPresenceConfidence,
                             double minTrackingConfidence, int redetectInterval, SmoothingOptions smoothing) {

    public TrackerOptions {
        if (numHands < 1) {
            throw new IllegalArgumentException("num hands must be at least 1, got " + numHands);
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

    public static TrackerOptions defaults() {
        return new TrackerOptions(2, 0.5, 0.5, 0.5, 10, SmoothingOptions.defaults());
    }

    public TrackerOptions withNumHands(int value) {
        return new TrackerOptions(value, minDetectionConfidence, minPresenceConfidence, minTrackingConfidence,
                redetectInterval, smoothing);
    }

    public TrackerOptions withSmoothing(SmoothingOptions value) {
        return new TrackerOptions(numHands, minDetectionConfidence, minPresenceConfidence, minTrackingConfidence,
                redetectInterval, value);
    }

    public TrackerOptions withConfidences(double detection, double presence, double tracking) {
        return new TrackerOptions(numHands, detection, presence, tracking, redetectInterval, smoothing);
    }

    public TrackerOptions withRedetectInterval(int frames) {
        return new TrackerOptions(numHands, minDetectionConfidence, minPresenceConfidence, minTrackingConfidence,
                frames, smoothing);
    }
}
