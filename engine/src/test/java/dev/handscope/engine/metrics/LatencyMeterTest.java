package dev.handscope.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyMeterTest {

    @Test
    void summarisesOnlyTheRecentWindow() {
        LatencyMeter meter = new LatencyMeter(1_000_000_000L, 64);
        long ms = 1_000_000L;
        for (int i = 0; i < 20; i++) {
            meter.record(i * 100 * ms, 50 * ms); // old, slow samples
        }
        for (int i = 0; i < 10; i++) {
            meter.record(5000 * ms + i * 10 * ms, (i + 1) * ms);
        }
        LatencyStats recent = meter.stats(5100 * ms);
        assertEquals(10, recent.count());
        assertEquals(5, recent.medianMs(), 1e-9);
        assertEquals(10, recent.maxMs(), 1e-9);
        assertEquals(10 * ms, meter.latestNanos());
        double[] chart = new double[64];
        assertEquals(10, meter.recentMillis(5100 * ms, chart));
        assertEquals(1, chart[0], 1e-9);
        assertEquals(10, chart[9], 1e-9);
    }
}
