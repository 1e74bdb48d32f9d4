package dev.handscope.engine.landmarks;

import dev.handscope.engine.hand.Landmarks;

/**
 * Post-processing of the landmark model (no TensorFlow): raw outputs of one crop to a
 * {@link HandLandmarks} in image coordinates.
 */
public final class LandmarkDecoder {
    /** MediaPipe's normalize_z for the hand landmark model. */
    public static final double Z_SCALE = 0.4;

    private LandmarkDecoder() {
    }

    public static HandLandmarks decode(CropGeometry crop, float[] landmarks, float presence, float rightProbability,
                                       float[] world) {
        float[] image = new float[HandLandmarks.COUNT * 3];
        float[] turnedWorld = new float[HandLandmarks.COUNT * 3];
        crop.cropToImage(landmarks, image, Z_SCALE);
        crop.rotateWorld(world, turnedWorld);
        return new HandLandmarks(Landmarks.of(image), Landmarks.of(turnedWorld), presence, Handedness.fromRightProbability(rightProbability),
                crop.squareRect());
    }
}
