package dev.handscope.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankPercentilesInMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        LatencyStats stats = LatencyStats.of(nanos, 100);
        assertEquals(50, stats.medianMs(), 1e-9);
        assertEquals(95, stats.p95Ms(), 1e-9);
        assertEquals(100, stats.maxMs(), 1e-9);
        assertEquals(50.5, stats.meanMs(), 1e-9);
        assertEquals(100_000_000L, nanos[0], "input left as it was");
    }

    @Test
    void onlyTheFirstCountEntriesCount() {
        LatencyStats stats = LatencyStats.of(new long[] {3_000_000, 1_000_000, 2_000_000, 999_000_000}, 3);
        assertEquals(2, stats.medianMs(), 1e-9);
        assertEquals(3, stats.maxMs(), 1e-9);
        assertEquals(0, LatencyStats.of(new long[0], 0).count());
    }
}
