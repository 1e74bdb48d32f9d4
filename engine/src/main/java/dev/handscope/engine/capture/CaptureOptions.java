package dev.handscope.engine.capture;

import java.time.Duration;

/**
 * How the capture loop plays a source.
 *
 * @param pace              play files at their native frame rate (false: as fast as possible)
 * @param loop              start finite sources again at their end
 * @param stillFrameRate    frames per second for sources with no native rate (an image, a folder)
 * @param reconnectInterval pause between attempts to open a missing or lost camera
 */
public record CaptureOptions(boolean pace, boolean loop, double stillFrameRate, Duration reconnectInterval) {

    public static final double DEFAULT_STILL_FRAME_RATE = 30;
    public static final Duration DEFAULT_RECONNECT_INTERVAL = Duration.ofSeconds(3);

    public CaptureOptions {
        if (!(stillFrameRate > 0)) {
            throw new IllegalArgumentException("still frame rate must be positive, got " + stillFrameRate);
        }
        if (reconnectInterval.isNegative() || reconnectInterval.isZero()) {
            throw new IllegalArgumentException("reconnect interval must be positive");
        }
    }

    public static CaptureOptions defaults() {
        return new CaptureOptions(true, false, DEFAULT_STILL_FRAME_RATE, DEFAULT_RECONNECT_INTERVAL);
    }

    public CaptureOptions withPace(boolean value) {
        return new CaptureOptions(value, loop, stillFrameRate, reconnectInterval);
    }

    public CaptureOptions withLoop(boolean value) {
        return new CaptureOptions(pace, value, stillFrameRate, reconnectInterval);
    }

    public CaptureOptions withStillFrameRate(double value) {
        return new CaptureOptions(pace, loop, value, reconnectInterval);
    }

    public CaptureOptions withReconnectInterval(Duration value) {
        return new CaptureOptions(pace, loop, stillFrameRate, value);
    }
}
