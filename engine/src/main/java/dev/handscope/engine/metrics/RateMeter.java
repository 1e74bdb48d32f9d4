package dev.handscope.engine.metrics;

/**
 * Events per second over a sliding window (e.g. frames per second), fed by one thread and read by
 * any. Keeps a fixed ring of timestamps: nothing is allocated per event.
 */
public final class RateMeter {
    private final long[] stamps;
    private final long windowNanos;
    private int next;
    private int count;

    /** @param windowNanos how far back events count; @param capacity most events kept in the window */
    public RateMeter(long windowNanos, int capacity) {
        if (windowNanos <= 0 || capacity < 2) {
            throw new IllegalArgumentException("window must be positive and capacity at least 2");
        }
        this.windowNanos = windowNanos;
        this.stamps = new long[capacity];
    }

    /** A meter over the last second, good for up to 1000 events per second. */
    public static RateMeter perSecond() {
        return new RateMeter(1_000_000_000L, 1000);
    }

    public synchronized void record(long nanoTime) {
        stamps[next] = nanoTime;
        next = (next + 1) % stamps.length;
        count = Math.min(count + 1, stamps.length);
    }

    /** Events per second among those recorded in the window before {@code now}; 0 if fewer than two. */
    public synchronized double rate(long now) {
        int inWindow = 0;
        long oldest = now;
        long newest = Long.MIN_VALUE;
        for (int i = 1; i <= count; i++) {
            long stamp = stamps[(next - i + stamps.length) % stamps.length];
            if (now - stamp > windowNanos) {
                break;
            }
            inWindow++;
            oldest = stamp;
            newest = Math.max(newest, stamp);
        }
        if (inWindow < 2 || newest <= oldest) {
            return 0;
        }
        return (inWindow - 1) * 1e9 / (newest - oldest);
    }

    public synchronized void reset() {
        count = 0;
        next = 0;
    }
}
