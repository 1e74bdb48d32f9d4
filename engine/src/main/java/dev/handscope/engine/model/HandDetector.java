package dev.handscope.engine.model;

import dev.handscope.engine.imaging.RgbImage;
import java.util.List;

/**
 * Finds hands in a whole image. A palm detector answers with regions for a landmarker to refine; a
 * one-stage model answers with regions that carry their landmarks already.
 * One instance per inference thread.
 */
public interface HandDetector extends AutoCloseable {

    /**
     * Hands in the image, best first.
     *
     * @param rotation how the image content is turned (radians, clockwise); the model sees it upright
     * @param minScore detection probability below which hands are dropped
     */
    List<HandRegion> detect(RgbImage image, double rotation, float minScore);

    /** The timings of the last {@link #detect} call. */
    ModelTimings lastTimings();

    /** Detections dropped since loading because the model's output for them held NaN or infinity. */
    long nonFiniteOutputs();

    /** What runs the model: runtime, version, device and threads (for readouts and benchmarks). */
    String runtime();

    /**
     * Whether the next calls share the cores with another model; the tracker says so when it runs
     * models side by side, and a runtime that can then runs this one on fewer threads. The first
     * {@code true} may take as long as loading (the tracker says it while it is being set up).
     */
    void shareCores(boolean shared);

    @Override
    void close();
}
