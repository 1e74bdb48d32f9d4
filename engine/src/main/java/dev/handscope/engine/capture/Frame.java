package dev.handscope.engine.capture;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One captured image: packed RGB bytes (3 per pixel, rows of {@code width * 3}), its capture time and
 * sequence number. Frames come from a {@link FramePool} and are reference counted so that several
 * consumers can hold one; the last {@link #release()} hands the buffer back to the pool for reuse.
 *
 * <p>The pixels are always the unmirrored image as the source delivered it: mirroring is a display
 * concern only.
 */
public final class Frame {
    private final FramePool pool;
    private final AtomicInteger references = new AtomicInteger();
    private byte[] rgb = new byte[0];
    private byte[] bgra = new byte[0];
    private boolean bgraFilled;
    private int width;
    private int height;
    private long sequence;
    private long captureNanos;
    private long sourceMicros;

    Frame(FramePool pool) {
        this.pool = pool;
    }

    /** Sizes the frame for {@code width x height} pixels, reallocating only when it grows. */
    public byte[] resize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        int needed = Math.multiplyExact(Math.multiplyExact(width, height), 3);
        if (rgb.length < needed) {
            rgb = new byte[needed];
        }
        this.width = width;
        this.height = height;
        bgraFilled = false;
        return rgb;
    }

    /**
     * Fills {@link #bgra()} from the RGB pixels. The capture thread does this so that the display
     * only copies bytes: the conversion costs milliseconds per frame at camera sizes.
     */
    public void fillBgra() {
        int pixels = width * height;
        if (bgra.length < pixels * 4) {
            bgra = new byte[pixels * 4];
        }
        RgbToBgra.convert(rgb, bgra, pixels);
        bgraFilled = true;
    }

    /** Whether {@link #bgra()} holds this frame's pixels. */
    public boolean hasBgra() {
        return bgraFilled;
    }

    /** The pixels as opaque BGRA (4 bytes per pixel), valid when {@link #hasBgra()}. */
    public byte[] bgra() {
        return bgra;
    }

    /** The RGB bytes; only the first {@code width * height * 3} are meaningful. */
    public byte[] rgb() {
        return rgb;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes per row. */
    public int stride() {
        return width * 3;
    }

    /** Increasing number given by the capture loop, starting at 0; gaps mean dropped frames. */
    public long sequence() {
        return sequence;
    }

    /** {@link System#nanoTime()} when the frame became available to the application. */
    public long captureNanos() {
        return captureNanos;
    }

    /** Position in the source (presentation time of a video file) in microseconds, or -1 for live. */
    public long sourceMicros() {
        return sourceMicros;
    }

    void stamp(long sequence, long captureNanos) {
        this.sequence = sequence;
        this.captureNanos = captureNanos;
    }

    /** Set by sources that know where in their stream the frame lies. */
    public void setSourceMicros(long sourceMicros) {
        this.sourceMicros = sourceMicros;
    }

    /** Adds a holder; every holder must call {@link #release()} exactly once. */
    public Frame retain() {
        if (references.getAndIncrement() <= 0) {
            references.decrementAndGet();
            throw new IllegalStateException("retain() on a frame that is back in its pool");
        }
        return this;
    }

    /** Drops one holder; the last one returns the frame to its pool. */
    public void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            pool.giveBack(this);
        } else if (left < 0) {
            references.incrementAndGet();
            throw new IllegalStateException("frame released more often than it was retained");
        }
    }

    void claim() {
        references.set(1);
    }

    int references() {
        return references.get();
    }
}
