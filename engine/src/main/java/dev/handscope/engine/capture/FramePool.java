package dev.handscope.engine.capture;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of reusable {@link Frame}s, so that capture allocates no pixel buffers per frame.
 * When every frame is held by consumers the capture thread waits for one to come back rather than
 * growing the pool: memory stays bounded whatever the consumers do.
 */
public final class FramePool {
    private final ArrayDeque<Frame> free = new ArrayDeque<>();
    private final int size;

    public FramePool(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a frame pool needs at least 2 frames, got " + size);
        }
        this.size = size;
        for (int i = 0; i < size; i++) {
            free.add(new Frame(this));
        }
    }

    /**
     * Takes a free frame, waiting at most {@code timeout}; returns null if none came back in time.
     * The caller owns one reference to the frame.
     */
    public synchronized Frame acquire(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (free.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Frame frame = free.poll();
        frame.claim();
        return frame;
    }

    synchronized void giveBack(Frame frame) {
        free.add(frame);
        notifyAll();
    }

    public synchronized int available() {
        return free.size();
    }

    public int size() {
        return size;
    }
}
