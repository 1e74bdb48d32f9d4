package dev.handscope.engine.gesture;

/**
 * Keeps a hand's gesture label steady: a new label takes over only after it is seen on
 * {@code HOLD} frames in a row; the score is averaged over the frames of the current label.
 */
public final class GestureSmoother {
    private static final int HOLD = 3;
    private static final double WEIGHT = 0.3;

    private Gesture current;
    private String candidate;
    private int candidateFrames;

    public Gesture update(Gesture seen) {
        if (current == null) {
            current = seen;
            return current;
        }
        if (seen.name().equals(current.name())) {
            candidate = null;
            current = new Gesture(current.name(), current.score() + WEIGHT * (seen.score() - current.score()),
                    seen.pinchDistance());
            return current;
        }
        if (seen.name().equals(candidate)) {
            candidateFrames++;
        } else {
            candidate = seen.name();
            candidateFrames = 1;
        }
        if (candidateFrames >= HOLD) {
            current = seen;
            candidate = null;
        }
        return current;
    }
}
