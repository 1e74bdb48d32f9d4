package dev.handscope.engine.model;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.RotatedRect;

/**
 * Finds the 21 landmarks of one hand in a region of the image (with world landmarks, presence and
 * handedness where the model gives them). One instance per inference thread.
 */
public interface HandLandmarker extends AutoCloseable {

    HandLandmarks landmark(RgbImage image, RotatedRect region);

    /** The timings of the last {@link #landmark} call. */
    ModelTimings lastTimings();

    /** Calls since loading whose output held NaN or infinity (answered with presence 0, so the hand is dropped). */
    long nonFiniteOutputs();

    /** What runs the model: runtime, version, device and threads (for readouts and benchmarks). */
    String runtime();

    /**
     * Whether the next calls share the cores with another model; the tracker says so when it runs
     * models side by side, and a runtime that can then runs this one on fewer threads. The first
     * {@code true} may take as long as loading (the tracker says it while it is being set up).
     */
    void shareCores(boolean shared);

    /** A copy of what the model saw and said in the last call (for debugging views). */
    ModelView lastView();

    @Override
    void close();
}
