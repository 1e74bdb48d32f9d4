package dev.handscope.engine.capture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hand-over point between a producer and a slower consumer that holds at most one value: a new
 * value replaces the one waiting, which is counted as dropped and handed to the discard action
 * (for frames: returned to their pool). A slow consumer therefore always gets the newest value and
 * never builds a queue.
 */
public final class NewestWinsSlot<T> {
    private final Consumer<? super T> discard;
    private final AtomicLong dropped = new AtomicLong();
    private T waiting;

    public NewestWinsSlot(Consumer<? super T> discard) {
        this.discard = discard;
    }

    /** Puts a value in the slot, dropping the one that waited there. */
    public void offer(T value) {
        T replaced;
        synchronized (this) {
            replaced = waiting;
            waiting = value;
            notifyAll();
        }
        if (replaced != null) {
            dropped.incrementAndGet();
            discard.accept(replaced);
        }
    }

    /** Takes the waiting value without blocking, or null. */
    public synchronized T poll() {
        T value = waiting;
        waiting = null;
        return value;
    }

    /** Takes the waiting value, waiting at most {@code timeout} for one; null if none came. */
    public synchronized T take(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (waiting == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return poll();
    }

    /** Discards the waiting value, if any, without counting it as dropped. */
    public void clear() {
        T value = poll();
        if (value != null) {
            discard.accept(value);
        }
    }

    public synchronized boolean isOccupied() {
        return waiting != null;
    }

    /** Values replaced before anyone took them. */
    public long droppedCount() {
        return dropped.get();
    }
}
