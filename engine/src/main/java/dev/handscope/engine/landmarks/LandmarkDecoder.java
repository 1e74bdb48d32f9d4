package dev.handscope.engine.landmarks;

import dev.handscope.engine.family.FiniteValues;
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

    /** Whether every number of a decoded hand is finite. */
    public static boolean isFinite(HandLandmarks hand) {
        return FiniteValues.all(hand.landmarks().toArray()) && FiniteValues.all(hand.worldLandmarks().toArray())
                && Double.isFinite(hand.presence()) && Double.isFinite(hand.handedness().score());
    }

    /** No hand: presence 0, landmarks at the crop's centre (what a broken output is reported as). */
    public static HandLandmarks absent(CropGeometry crop) {
        RotatedRect rect = crop.squareRect();
        float[] points = new float[HandLandmarks.COUNT * 3];
        for (int i = 0; i < HandLandmarks.COUNT; i++) {
            points[3 * i] = (float) rect.centerX();
            points[3 * i + 1] = (float) rect.centerY();
        }
        return new HandLandmarks(Landmarks.of(points), Landmarks.of(new float[HandLandmarks.COUNT * 3]), 0,
                new Handedness(Handedness.RIGHT, 0.5), rect);
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
