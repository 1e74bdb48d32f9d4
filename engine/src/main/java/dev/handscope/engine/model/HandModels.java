package dev.handscope.engine.model;

import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;

/**
 * The models a pipeline tracks hands with: a detector and, for two-stage families, a landmarker
 * (null for one-stage models whose detections carry landmarks). Closing closes both.
 *
 * @param device where the models run (for readouts)
 */
public record HandModels(HandDetector detector, HandLandmarker landmarker, InferenceDevice device)
        implements AutoCloseable {

    /** Loads a landmarker (of any family) once its detector is open. */
    @FunctionalInterface
    public interface LandmarkerLoad {
        HandLandmarker load() throws ModelLoadException;
    }

    /** {@code detector} finding the crops for the landmarker {@code load} opens; on failure nothing stays open. */
    public static HandModels twoStage(HandDetector detector, LandmarkerLoad load, InferenceDevice device)
            throws ModelLoadException {
        try {
            return new HandModels(detector, load.load(), device);
        } catch (ModelLoadException | RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /** What runs the models: one line, or the detector's and the landmarker's when they differ. */
    public String runtime() {
        String detecting = detector.runtime();
        if (landmarker == null || landmarker.runtime().equals(detecting)) {
            return detecting;
        }
        return "detector: " + detecting + "; landmarks: " + landmarker.runtime();
    }

    /** The runtimes' names and versions without their settings, e.g. "ONNX Runtime 1.23.2", for status lines. */
    public String runtimeName() {
        String detecting = nameOf(detector.runtime());
        String landmarking = landmarker == null ? detecting : nameOf(landmarker.runtime());
        return detecting.equals(landmarking) ? detecting : detecting + " + " + landmarking;
    }

    /** A runtime line ("TensorFlow 2.18.0 on CPU, ...") up to its device. */
    private static String nameOf(String runtime) {
        int on = runtime.indexOf(" on ");
        return on < 0 ? runtime : runtime.substring(0, on);
    }

    /** Outputs of either model dropped so far for NaN or infinity. */
    public long nonFiniteOutputs() {
        return detector.nonFiniteOutputs() + (landmarker == null ? 0 : landmarker.nonFiniteOutputs());
    }

    @Override
    public void close() {
        detector.close();
        if (landmarker != null) {
            landmarker.close();
        }
    }
}
