package dev.handscope.app.ui;

import dev.handscope.engine.pipeline.NativeUnpack;
import dev.handscope.render.video.NoticePane;
import java.util.Locale;

/** First start: how far TensorFlow's natives are unpacked, over the video; hidden once done (or once tracking runs or fails). */
final class UnpackProgress {
    private static final long CHECK_NANOS = 250_000_000L;

    final NoticePane pane = new NoticePane("first-start");
    /** The unpacking under way; null when none (or done). */
    private NativeUnpack unpacking;
    private long started;
    private long lastCheck;

    /** Shows the progress if tracking is wanted and its natives are still to be unpacked. */
    void start(boolean trackingEnabled) {
        if (!trackingEnabled) {
            return;
        }
        NativeUnpack unpack = NativeUnpack.tensorFlow();
        if (unpack != null && unpack.pending()) {
            unpacking = unpack;
            started = System.nanoTime();
            show(false);
        }
    }

    /** Each pulse: the progress, four times a second; {@code trackingDone} hides it (loaded, or settled). */
    void pulse(long now, boolean trackingDone) {
        if (unpacking != null && now - lastCheck > CHECK_NANOS) {
            lastCheck = now;
            show(trackingDone);
        }
    }

    private void show(boolean trackingDone) {
        long unpacked = unpacking.unpackedBytes();
        if (unpacked >= unpacking.expectedBytes() || trackingDone) {
            System.err.printf(Locale.ROOT, "handscope: first start: TensorFlow's native libraries (%d MB)"
                    + " unpacked in %.1f s%n", unpacking.expectedBytes() >> 20, (System.nanoTime() - started) / 1e9);
            unpacking = null;
            pane.hide();
            return;
        }
        pane.showProgress("Preparing hand tracking", String.format(Locale.ROOT,
                "First start: unpacking TensorFlow's native libraries (%d of %d MB) into %s. Later starts skip this;"
                        + " the video plays meanwhile.", unpacked >> 20, unpacking.expectedBytes() >> 20,
                unpacking.cache()), unpacked / (double) unpacking.expectedBytes());
    }
}
