package dev.handscope.app.ui;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.result.FrameResult;
import java.util.List;

/**
 * The last few seconds of shown frames with their results, for stepping back while paused. Pixel
 * buffers are allocated once per slot and reused; the ring holds as many frames as fit in its
 * memory budget (up to its slot count).
 */
final class FrameHistory {

    /** One remembered frame. */
    static final class Entry {
        byte[] rgb = new byte[0];
        int width;
        int height;
        long sequence;
        FrameResult result;
    }

    private final long budgetBytes;
    private final Entry[] ring;
    private int newest = -1;
    private int count;

    FrameHistory(long budgetBytes, int slots) {
        this.budgetBytes = budgetBytes;
        this.ring = new Entry[slots];
        for (int i = 0; i < slots; i++) {
            ring[i] = new Entry();
        }
    }

    /** How many frames of this size the budget allows. */
    private int capacityFor(int width, int height) {
        return (int) Math.max(1, Math.min(ring.length, budgetBytes / Math.max(1L, (long) width * height * 3)));
    }

    /** Remembers a shown frame (its pixels are copied; the frame itself stays the caller's). */
    void add(Frame frame, FrameResult result) {
        int capacity = capacityFor(frame.width(), frame.height());
        newest = (newest + 1) % capacity;
        count = Math.min(count + 1, capacity);
        Entry entry = ring[newest];
        int bytes = frame.width() * frame.height() * 3;
        if (entry.rgb.length < bytes) {
            entry.rgb = new byte[bytes];
        }
        System.arraycopy(frame.rgb(), 0, entry.rgb, 0, bytes);
        entry.width = frame.width();
        entry.height = frame.height();
        entry.sequence = frame.sequence();
        entry.result = result;
    }

    /** Frames remembered. */
    int size() {
        return count;
    }

    /** The entry {@code back} frames before the newest (0 = newest), or null beyond the history. */
    Entry back(int back) {
        if (back < 0 || back >= count) {
            return null;
        }
        int slots = capacityFor(ring[newest].width, ring[newest].height);
        return ring[((newest - back) % slots + slots) % slots];
    }

    void clear() {
        count = 0;
        newest = -1;
    }
}
