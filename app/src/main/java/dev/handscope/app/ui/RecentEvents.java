package dev.handscope.app.ui;

import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.result.FrameResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Each hand's latest swipe or pinch start/end, for the readouts. Taken from every processed frame
 * on the inference thread (so an event on a frame the display skipped is not lost) and shown for a
 * moment; gesture start/end are left out because the hand's label already shows them.
 */
final class RecentEvents implements Consumer<FrameResult> {
    static final long SHOWN_NANOS = 1_500_000_000L;

    private final ConcurrentLinkedQueue<GestureEvent> arrived = new ConcurrentLinkedQueue<>();
    private final Map<Integer, String> last = new HashMap<>();
    private final Map<Integer, Long> since = new HashMap<>();

    @Override
    public void accept(FrameResult result) {
        for (GestureEvent event : result.events()) {
            if (event.type().startsWith("swipe_") || event.type().equals("pinch_start") || event.type().equals("pinch_end")) {
                arrived.add(event);
            }
        }
    }

    /** Takes what arrived since the last call (FX thread). */
    void update(long now) {
        for (GestureEvent event = arrived.poll(); event != null; event = arrived.poll()) {
            last.put(event.handId(), event.type().replace('_', ' '));
            since.put(event.handId(), now);
        }
    }

    /** The hand's event to show now, or null. */
    String of(int handId, long now) {
        Long at = since.get(handId);
        return at != null && now - at < SHOWN_NANOS ? last.get(handId) : null;
    }
}
