package dev.handscope.engine.metrics;

/**
 * Recent durations of one stage: the latest, and median / p95 over the last few seconds. A fixed
 * ring of samples, written by one thread and read by any; nothing is allocated per sample.
 */
public final class LatencyMeter {
    private final long windowNanos;
    private final long[] stamps;
    private final long[] values;
    private final long[] scratch;
    private int next;
    private int count;
    private long latest = -1;

    public LatencyMeter(long windowNanos, int capacity) {
        this.windowNanos = windowNanos;
        this.stamps = new long[capacity];
        this.values = new long[capacity];
        this.scratch = new long[capacity];
    }

    /** A meter over the last 5 seconds. */
    public static LatencyMeter lastSeconds() {
        return new LatencyMeter(5_000_000_000L, 1024);
    }

    public synchronized void record(long nowNanos, long durationNanos) {
        stamps[next] = nowNanos;
        values[next] = durationNanos;
        next = (next + 1) % stamps.length;
        count = Math.min(count + 1, stamps.length);
        latest = durationNanos;
    }

    /** The last duration recorded, or -1. */
    public synchronized long latestNanos() {
        return latest;
    }

    /** Median, p95 and max of the samples in the window before {@code now}. */
    public synchronized LatencyStats stats(long now) {
        int n = 0;
        for (int i = 1; i <= count; i++) {
            int at = (next - i + stamps.length) % stamps.length;
            if (now - stamps[at] > windowNanos) {
                break;
            }
            scratch[n++] = values[at];
        }
        return LatencyStats.of(scratch, n);
    }

    /** The samples in the window, oldest first, in milliseconds (for charts). */
    public synchronized int recentMillis(long now, double[] out) {
        int n = 0;
        for (int i = Math.min(count, out.length); i >= 1; i--) {
            int at = (next - i + stamps.length) % stamps.length;
            if (now - stamps[at] <= windowNanos) {
                out[n++] = values[at] / 1e6;
            }
        }
        return n;
    }
}
