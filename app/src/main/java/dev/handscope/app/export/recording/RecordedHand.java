package dev.handscope.app.export.recording;

/**
 * One hand of a recorded frame.
 *
 * @param id             the track id
 * @param handedness     "Left" or "Right" (the physical hand, unmirrored)
 * @param score          the handedness score
 * @param landmarks      21 x 3 image landmarks (x, y normalised to the image)
 * @param worldLandmarks 21 x 3 hand-centred metric landmarks (metres)
 */
public record RecordedHand(int id, String handedness, double score, float[] landmarks, float[] worldLandmarks) {
}
