package dev.handscope.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    @Test
    void countsEventsPerSecondWithinTheWindow() {
        RateMeter meter = RateMeter.perSecond();
        long ms = 1_000_000L;
        for (int i = 0; i <= 30; i++) {
            meter.record(i * 33 * ms);
        }
        assertEquals(30.3, meter.rate(1000 * ms), 0.1);
        // Two seconds later every event has left the window.
        assertEquals(0, meter.rate(3000 * ms));
    }

    @Test
    void onlyRecentEventsCount() {
        RateMeter meter = new RateMeter(1_000_000_000L, 8);
        long ms = 1_000_000L;
        for (int i = 0; i < 20; i++) {
            meter.record(i * 100 * ms);
        }
        // The ring keeps 8 events, 100 ms apart: 10 per second.
        assertEquals(10, meter.rate(1900 * ms), 1e-9);
    }
}
