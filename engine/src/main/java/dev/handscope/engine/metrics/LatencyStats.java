package dev.handscope.engine.metrics;

import java.util.Arrays;

/**
 * Summary of a set of durations, in milliseconds: median, 95th percentile, max and mean.
 * Percentiles use the nearest-rank method.
 */
public record LatencyStats(int count, double medianMs, double p95Ms, double maxMs, double meanMs) {

    /** Summarises the first {@code count} entries of {@code nanos} (which is not modified). */
    public static LatencyStats of(long[] nanos, int count) {
        if (count <= 0) {
            return new LatencyStats(0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new LatencyStats(count, rank(sorted, 0.50) / 1e6, rank(sorted, 0.95) / 1e6,
                sorted[count - 1] / 1e6, sum / count / 1e6);
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
