package dev.handscope.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterTest {

    private static float[] hand(double x, double y) {
        float[] points = new float[63];
        for (int i = 0; i < 63; i += 3) {
            points[i] = (float) x;
            points[i + 1] = (float) y;
        }
        return points;
    }

    @Test
    void steadyMotionHasNoAccelerationAndAlternatingNoiseHasSome() {
        List<float[]> steady = new ArrayList<>();
        List<float[]> noisy = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            steady.add(hand(0.1 + 0.01 * t, 0.5));
            noisy.add(hand(0.5 + (t % 2 == 0 ? 0.001 : -0.001), 0.5));
        }
        assertEquals(0, Jitter.meanAcceleration(steady, 0, 20, 1000, 1000), 1e-3);
        // +1 px, -1 px, +1 px: acceleration 4 px per frame squared.
        assertEquals(4, Jitter.meanAcceleration(noisy, 0, 20, 1000, 1000), 1e-3);
    }

    @Test
    void stillestWindowFindsTheQuietStretch() {
        List<float[]> series = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            series.add(hand(t >= 12 && t < 22 ? 0.5 : 0.01 * t, 0.5));
        }
        assertEquals(12, Jitter.stillestWindow(series, 10, 640, 480));
    }
}
