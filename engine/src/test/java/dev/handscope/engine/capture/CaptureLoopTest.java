package dev.handscope.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CaptureLoopTest {
    private final FramePool pool = new FramePool(4);
    private final NewestWinsSlot<Frame> slot = new NewestWinsSlot<>(Frame::release);
    private final List<CaptureStatus> statuses = new CopyOnWriteArrayList<>();

    private CaptureLoop loop(SourceSpec spec, CaptureOptions options, CaptureLoop.SourceOpener opener) {
        return new CaptureLoop(spec, options, opener, pool, slot, statuses::add);
    }

    private CaptureLoop videoLoop(CaptureOptions options) {
        return loop(SourceSpec.parse(SharedTestData.video().toString()), options, FrameSources::open);
    }

    @Test
    void unpacedVideoWithSlowConsumerDropsFramesButDeliversThemInOrderThenEnds() throws Exception {
        try (CaptureLoop loop = videoLoop(CaptureOptions.defaults().withPace(false))) {
            loop.start();
            long last = -1;
            long lastNanos = 0;
            int consumed = 0;
            while (!hasState(CaptureStatus.State.ENDED) || slot.isOccupied()) {
                Frame frame = slot.take(100, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                assertTrue(frame.sequence() > last);
                assertTrue(frame.captureNanos() >= lastNanos);
                last = frame.sequence();
                lastNanos = frame.captureNanos();
                consumed++;
                Thread.sleep(15);
                frame.release();
            }
            long captured = loop.capturedCount();
            SourceInfo info = statuses.stream().filter(s -> s.info() != null).findFirst().orElseThrow().info();
            assertTrue(Math.abs(captured - info.frameCount()) <= 2, captured + " of " + info.frameCount());
            assertEquals(captured, consumed + slot.droppedCount());
            assertTrue(slot.droppedCount() > 0);
            assertEquals(captured - 1, last, "the last frame is never dropped");
        }
        assertEquals(pool.size(), pool.available(), "frames all returned to the pool");
    }

    @Test
    void pacedVideoPlaysAtItsNativeRate() throws Exception {
        try (CaptureLoop loop = videoLoop(CaptureOptions.defaults())) {
            loop.start();
            Frame first = slot.take(10, TimeUnit.SECONDS);
            assertNotNull(first);
            long start = first.captureNanos();
            first.release();
            Frame frame = null;
            for (int i = 0; i < 15; i++) {
                if (frame != null) {
                    frame.release();
                }
                frame = slot.take(5, TimeUnit.SECONDS);
            }
            double rate = statuses.stream().filter(s -> s.info() != null).findFirst().orElseThrow().info().frameRate();
            double seconds = (frame.captureNanos() - start) / 1e9;
            double expected = (frame.sequence() - first.sequence()) / rate;
            frame.release();
            assertTrue(seconds >= expected * 0.95, "played " + seconds + " s for " + expected + " s of video");
        }
    }

    @Test
    void pausedFileDeliversNothingUntilStepped() throws Exception {
        try (CaptureLoop loop = videoLoop(CaptureOptions.defaults())) {
            loop.start();
            slot.take(10, TimeUnit.SECONDS).release();
            loop.pause();
            Thread.sleep(100);
            slot.clear();
            long before = loop.capturedCount();
            assertNull(slot.take(400, TimeUnit.MILLISECONDS), "no frames while paused");
            assertEquals(before, loop.capturedCount());

            loop.step();
            Frame stepped = slot.take(2, TimeUnit.SECONDS);
            assertNotNull(stepped, "a step lets one frame through");
            assertEquals(before, stepped.sequence(), "the step shows the very next frame");
            stepped.release();
            assertNull(slot.take(300, TimeUnit.MILLISECONDS), "exactly one");

            loop.resume();
            Frame resumed = slot.take(2, TimeUnit.SECONDS);
            assertNotNull(resumed);
            resumed.release();
        }
    }

    @Test
    void loopingVideoStartsAgainAtTheEnd() throws Exception {
        try (CaptureLoop loop = videoLoop(CaptureOptions.defaults().withPace(false).withLoop(true))) {
            loop.start();
            long frames = statusInfoFrameCount();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (loop.capturedCount() < frames + 20 && System.nanoTime() < deadline) {
                slot.clear();
                Thread.sleep(5);
            }
            assertTrue(loop.capturedCount() >= frames + 20, "looped past the end");
            assertTrue(statuses.stream().noneMatch(s -> s.state() == CaptureStatus.State.ENDED));
        }
    }

    @Test
    void missingFileFailsWithItsName() throws Exception {
        Path missing = Path.of("missing-clip.mp4");
        try (CaptureLoop loop = loop(SourceSpec.parse(missing.toString()), CaptureOptions.defaults(), FrameSources::open)) {
            loop.start();
            CaptureStatus failed = awaitState(CaptureStatus.State.FAILED);
            assertTrue(failed.message().contains("missing-clip.mp4"), failed.message());
        }
    }

    @Test
    void missingCameraIsRetriedWithAMessage() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CaptureLoop.SourceOpener counting = spec -> {
            attempts.incrementAndGet();
            return FrameSources.open(spec);
        };
        CaptureOptions fastRetry = CaptureOptions.defaults().withReconnectInterval(Duration.ofMillis(100));
        try (CaptureLoop loop = loop(SourceSpec.parse("/dev/video97"), fastRetry, counting)) {
            loop.start();
            CaptureStatus retrying = awaitState(CaptureStatus.State.RETRYING);
            assertTrue(retrying.message().contains("/dev/video97") && retrying.message().contains("Retrying"),
                    retrying.message());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (attempts.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(attempts.get() >= 3, "kept retrying");
        }
        assertEquals(CaptureStatus.State.STOPPED, statuses.get(statuses.size() - 1).state());
    }

    /**
     * A camera that is unplugged after a few frames: the loop reports it, reopens it and goes on.
     * The "camera" replays the real test video, posing as a live source.
     */
    @Test
    void unpluggedCameraIsReopenedAndFramesContinue() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        CaptureLoop.SourceOpener flakyCamera = spec -> new UnpluggedAfter(
                VideoFileSource.open(SharedTestData.video()), opens.incrementAndGet() == 1 ? 5 : Integer.MAX_VALUE);
        CaptureOptions fastRetry = CaptureOptions.defaults().withReconnectInterval(Duration.ofMillis(100));
        try (CaptureLoop loop = loop(SourceSpec.camera(0), fastRetry, flakyCamera)) {
            loop.start();
            CaptureStatus lost = awaitState(CaptureStatus.State.RETRYING);
            assertTrue(lost.message().contains("unplugged"), lost.message());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (loop.capturedCount() < 20 && System.nanoTime() < deadline) {
                slot.clear();
                Thread.sleep(5);
            }
            assertEquals(2, opens.get());
            assertTrue(loop.capturedCount() >= 20, "frames continue after the reconnect");
        }
    }

    private long statusInfoFrameCount() throws InterruptedException {
        return awaitState(CaptureStatus.State.RUNNING).info().frameCount();
    }

    private boolean hasState(CaptureStatus.State state) {
        return statuses.stream().anyMatch(s -> s.state() == state);
    }

    private CaptureStatus awaitState(CaptureStatus.State state) throws InterruptedException {
        Predicate<CaptureStatus> wanted = s -> s.state() == state;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (CaptureStatus status : statuses) {
                if (wanted.test(status)) {
                    return status;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + state + " status within 10 s; saw " + statuses);
    }

    /** Wraps a real source as a live camera that stops working after {@code frames} frames. */
    private static final class UnpluggedAfter implements FrameSource {
        private final FrameSource inner;
        private int left;

        UnpluggedAfter(FrameSource inner, int frames) {
            this.inner = inner;
            this.left = frames;
        }

        @Override
        public SourceInfo info() {
            SourceInfo i = inner.info();
            return new SourceInfo(SourceKind.CAMERA, "camera 0", i.width(), i.height(), i.frameRate(), -1);
        }

        @Override
        public boolean read(Frame target) throws CaptureException {
            if (left-- <= 0) {
                throw new SourceLostException("The camera 0 stopped delivering frames (unplugged?).");
            }
            return inner.read(target);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
