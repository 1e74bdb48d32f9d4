package dev.handscope.engine.tracking;

import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;

/**
 * One hand in one frame, as the tracker reports it.
 *
 * @param id             stable while the hand is tracked; a new hand gets a new id
 * @param raw            the landmark model's output for this frame (unsmoothed)
 * @param landmarks      21 x (x, y, z), smoothed when smoothing is on; image-normalised, unmirrored
 * @param worldLandmarks 21 x (x, y, z) in metres, smoothed likewise
 * @param handedness     smoothed over the track: the physical hand in the unmirrored image
 * @param presence       this frame's hand presence
 * @param rect           the crop the landmark model saw this frame
 * @param age            frames since the hand was found (0 on its first frame)
 * @param debug          what the landmark model saw and said, when the tracker keeps it (else null)
 * @param gesture        the static gesture, smoothed over the track
 */
public record TrackedHand(int id, HandLandmarks raw, float[] landmarks, float[] worldLandmarks, Handedness handedness,
                          double presence, RotatedRect rect, int age, ModelView debug,
                          dev.handscope.engine.gesture.Gesture gesture) {

    /**
     * The exact input and outputs of the landmark model for this hand and frame.
     *
     * @param crop    the 224 x 224 RGB crop (bytes)
     * @param outputs the raw output tensors: landmarks (crop pixels), presence, handedness, world landmarks
     */
    public record ModelView(byte[] crop, float[][] outputs) {
    }
}
