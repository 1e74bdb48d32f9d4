package dev.handscope.engine.capture;

import java.util.function.Consumer;

/**
 * One open source with everything around it: the frame pool, the newest-wins slot consumers take
 * frames from, and the capture thread filling it. Closing the session stops the thread and returns
 * every waiting frame to the pool.
 */
public final class CaptureSession implements AutoCloseable {
    /** Filling, waiting, in inference, waiting for display, on display, and one spare. */
    private static final int POOL_SIZE = 6;

    private final FramePool pool = new FramePool(POOL_SIZE);
    private final NewestWinsSlot<Frame> frames = new NewestWinsSlot<>(Frame::release);
    private final CaptureLoop loop;

    public CaptureSession(SourceSpec spec, CaptureOptions options, Consumer<CaptureStatus> statusListener) {
        this(spec, options, FrameSources::open, statusListener);
    }

    public CaptureSession(SourceSpec spec, CaptureOptions options, CaptureLoop.SourceOpener opener,
                          Consumer<CaptureStatus> statusListener) {
        this.loop = new CaptureLoop(spec, options, opener, pool, frames, statusListener);
    }

    public CaptureSession start() {
        loop.start();
        return this;
    }

    /** Where the newest frame waits; whoever takes one must release it. */
    public NewestWinsSlot<Frame> frames() {
        return frames;
    }

    public CaptureLoop loop() {
        return loop;
    }

    public SourceSpec spec() {
        return loop.spec();
    }

    @Override
    public void close() {
        loop.close();
        frames.clear();
    }
}
