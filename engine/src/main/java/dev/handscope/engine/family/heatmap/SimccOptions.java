package dev.handscope.engine.family.heatmap;

import java.util.Objects;

/**
 * An RTMPose-style SimCC model: outputs [1, K, W s] over x and [1, K, H s] over y for an input of W x H.
 *
 * @param topDown    crop, input and keypoint mapping
 * @param outputX    the x output's name ("simcc_x")
 * @param outputY    the y output's name ("simcc_y")
 * @param splitRatio s, bins per input pixel (RTMPose's 2.0)
 */
public record SimccOptions(TopDownOptions topDown, String outputX, String outputY, double splitRatio) {
    public static final double DEFAULT_SPLIT_RATIO = 2.0;

    public SimccOptions {
        Objects.requireNonNull(topDown, "topDown");
        Objects.requireNonNull(outputX, "outputX");
        Objects.requireNonNull(outputY, "outputY");
        if (!(splitRatio > 0) || !Double.isFinite(splitRatio)) {
            throw new IllegalArgumentException("split ratio must be a positive number, got " + splitRatio);
        }
    }

    /** Outputs "simcc_x" and "simcc_y", split ratio 2. */
    public static SimccOptions of(TopDownOptions topDown) {
        return new SimccOptions(topDown, "simcc_x", "simcc_y", DEFAULT_SPLIT_RATIO);
    }
}
