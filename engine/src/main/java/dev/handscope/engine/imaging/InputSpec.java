package dev.handscope.engine.imaging;

import java.util.Arrays;

/**
 * How pixels become a model's input: its size, per-channel normalisation of the 0..255 RGB values
 * ({@code (value - mean) / std}), channel order, and the value outside the image (letterbox padding).
 *
 * @param width    input width in pixels
 * @param height   input height in pixels
 * @param mean     per channel, R, G, B order
 * @param std      per channel, R, G, B order; none zero
 * @param bgr      whether the model takes its channels as B, G, R
 * @param padValue 0..255 value of pixels outside the image, before normalisation
 */
public record InputSpec(int width, int height, float[] mean, float[] std, boolean bgr, int padValue) {

    public InputSpec {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + width + "x" + height);
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need three values (R, G, B), got " + mean.length
                    + " and " + std.length);
        }
        for (float s : std) {
            if (!(s != 0 && Float.isFinite(s))) {
                throw new IllegalArgumentException("std values must be finite and not 0, got " + Arrays.toString(std));
            }
        }
        for (float m : mean) {
            if (!Float.isFinite(m)) {
                throw new IllegalArgumentException("mean values must be finite, got " + Arrays.toString(mean));
            }
        }
        if (padValue < 0 || padValue > 255) {
            throw new IllegalArgumentException("pad value is 0..255, got " + padValue);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** RGB in [0, 1], black outside the image: MediaPipe's models. */
    public static InputSpec unitRange(int width, int height) {
        return new InputSpec(width, height, new float[3], new float[] {255, 255, 255}, false, 0);
    }

    public InputSpec withPadValue(int value) {
        return new InputSpec(width, height, mean, std, bgr, value);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }
}
