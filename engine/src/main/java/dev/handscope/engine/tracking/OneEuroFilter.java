package dev.handscope.engine.tracking;

/**
 * The One Euro filter (Casiez et al. 2012) as MediaPipe applies it: a low-pass filter whose
 * cutoff rises with the (scale-normalised) speed, so a still hand is steady and a moving one does
 * not lag.
 */
public final class OneEuroFilter {
    private final double minCutoff;
    private final double beta;
    private final double derivativeCutoff;
    private double lastRaw;
    private double lastFiltered;
    private double lastDerivative;
    private long lastNanos;
    private boolean initialised;

    /**
     * @param minCutoff        cutoff frequency (Hz) at rest: lower is smoother
     * @param beta             how fast the cutoff rises with speed: higher lags less
     * @param derivativeCutoff cutoff (Hz) of the speed estimate
     */
    public OneEuroFilter(double minCutoff, double beta, double derivativeCutoff) {
        this.minCutoff = minCutoff;
        this.beta = beta;
        this.derivativeCutoff = derivativeCutoff;
    }

    /**
     * Filters one sample.
     *
     * @param valueScale multiplies the speed before it sets the cutoff (1 / object size, so the
     *                   filter behaves the same for near and far hands)
     */
    public double apply(double value, long timeNanos, double valueScale) {
        if (!initialised) {
            initialised = true;
            lastRaw = value;
            lastFiltered = value;
            lastDerivative = 0;
            lastNanos = timeNanos;
            return value;
        }
        double dt = (timeNanos - lastNanos) / 1e9;
        if (dt <= 0) {
            return lastFiltered; // same instant again: nothing new to filter
        }
        double frequency = 1 / dt;
        double derivative = (value - lastRaw) * valueScale * frequency;
        lastDerivative += alpha(frequency, derivativeCutoff) * (derivative - lastDerivative);
        double cutoff = minCutoff + beta * Math.abs(lastDerivative);
        lastFiltered += alpha(frequency, cutoff) * (value - lastFiltered);
        lastRaw = value;
        lastNanos = timeNanos;
        return lastFiltered;
    }

    private static double alpha(double frequency, double cutoff) {
        double tau = 1 / (2 * Math.PI * cutoff);
        return 1 / (1 + tau * frequency);
    }
}
