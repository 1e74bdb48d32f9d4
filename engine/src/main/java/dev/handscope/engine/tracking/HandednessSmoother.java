package dev.handscope.engine.tracking;

import dev.handscope.engine.landmarks.Handedness;

/**
 * Keeps a hand's left/right label steady over its track: an exponential average of the model's
 * right-hand probability, and a label that flips only when the average crosses well past 0.5.
 */
final class HandednessSmoother {
    private static final double WEIGHT = 0.2;
    private static final double HYSTERESIS = 0.15;

    private double right = Double.NaN;
    private boolean isRight;

    Handedness update(double rightProbability) {
        if (Double.isNaN(right)) {
            right = rightProbability;
            isRight = rightProbability > 0.5;
        } else {
            right += WEIGHT * (rightProbability - right);
            if (isRight && right < 0.5 - HYSTERESIS) {
                isRight = false;
            } else if (!isRight && right > 0.5 + HYSTERESIS) {
                isRight = true;
            }
        }
        return isRight ? new Handedness(Handedness.RIGHT, right) : new Handedness(Handedness.LEFT, 1 - right);
    }
}
