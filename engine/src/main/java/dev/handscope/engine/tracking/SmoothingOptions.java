package dev.handscope.engine.tracking;

/**
 * Landmark smoothing: One Euro filter parameters (MediaPipe's defaults for hands), or off.
 *
 * @param enabled          smooth at all
 * @param minCutoff        Hz at rest; lower is steadier (the "strength" knob)
 * @param beta             speed coefficient; higher lags less when moving
 * @param derivativeCutoff Hz of the speed estimate
 */
public record SmoothingOptions(boolean enabled, double minCutoff, double beta, double derivativeCutoff) {

    public SmoothingOptions {
        if (!(minCutoff > 0) || beta < 0 || !(derivativeCutoff > 0)) {
            throw new IllegalArgumentException("smoothing needs min cutoff > 0, beta >= 0, derivative cutoff > 0");
        }
    }

    public static SmoothingOptions defaults() {
        return new SmoothingOptions(true, 0.05, 80, 1.0);
    }

    public SmoothingOptions withEnabled(boolean value) {
        return new SmoothingOptions(value, minCutoff, beta, derivativeCutoff);
    }
}
