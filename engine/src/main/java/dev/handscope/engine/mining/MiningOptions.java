package dev.handscope.engine.mining;

/**
 * When {@link FailureDetector} fires. Distances are in pixels and divided by the hand size, the
 * wrist to middle-finger knuckle distance (the palm's length: unlike a landmark box's diagonal it
 * does not shrink when the fingers curl, and dividing by it cancels the hand's distance from the
 * camera).
 *
 * @param presenceBelow  presence crossing below this on a track fires (0.6 by default: a little above
 *                       the tracker's default keep threshold of 0.5, so the frames where the model starts
 *                       to lose the hand are caught before the track ends)
 * @param jumpFraction   a landmark moving more than this many hand sizes between a track's consecutive
 *                       results, once the whole hand's mean motion is taken out, fires (0.25 by default: a
 *                       fist closing in a quarter second moves a fingertip about 0.15 hand sizes a frame at
 *                       30 fps; moving the whole hand, however fast, moves no landmark relative to the others)
 * @param overlapIou     two hands whose landmark boxes overlap by more than this intersection over union
 *                       fire (0.3 by default: touching or crossing hands, where crops and tracks get mixed up)
 * @param boneShrink     a bone shorter than this times the shortest it was on its track fires (0.6)
 * @param boneStretch    a bone longer than this times the longest it was on its track fires (1.6); the
 *                       lengths are 3D (z at the scale of x) over the hand size, so turning the hand and
 *                       its depth change them little, and a doubled finger segment stands out
 * @param warmupFrames   results a track needs before bone lengths are judged, its range being learnt
 *                       meanwhile (30: one second at 30 fps)
 * @param cooldownNanos  after a trigger fires on a track it stays quiet there this long, so that one
 *                       failure saves one snapshot, not thirty a second (2 s by default)
 */
public record MiningOptions(double presenceBelow, double jumpFraction, double overlapIou, double boneShrink,
                            double boneStretch, int warmupFrames, long cooldownNanos) {

    public MiningOptions {
        if (!(presenceBelow >= 0 && presenceBelow <= 1) || !(overlapIou >= 0 && overlapIou < 1)) {
            throw new IllegalArgumentException("presence and overlap thresholds must be between 0 and 1");
        }
        if (!(jumpFraction > 0) || !(boneShrink > 0 && boneShrink <= 1) || !(boneStretch >= 1)) {
            throw new IllegalArgumentException("jump must be positive, bone shrink in (0, 1], bone stretch at least 1");
        }
        if (warmupFrames < 1 || cooldownNanos < 0) {
            throw new IllegalArgumentException("warm-up must be at least one frame and the cooldown not negative");
        }
    }

    public static MiningOptions defaults() {
        return new MiningOptions(0.6, 0.25, 0.3, 0.6, 1.6, 30, 2_000_000_000L);
    }
}
