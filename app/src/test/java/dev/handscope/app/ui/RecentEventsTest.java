package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.result.FrameResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the readouts show of each hand's events, and for how long. */
class RecentEventsTest {

    @Test
    void showsEachHandsLatestSwipeOrPinchForAMoment() throws Exception {
        RecentEvents recent = new RecentEvents();
        Thread inference = new Thread(() -> {
            recent.accept(FrameResult.untracked(0, 10_000_000, 640, 480).withEvents(List.of(
                    new GestureEvent("gesture_start", 0, "pinch", 0.5, 0.5, 10),
                    new GestureEvent("pinch_start", 0, null, 0.5, 0.5, 10))));
            recent.accept(FrameResult.untracked(1, 50_000_000, 640, 480).withEvents(List.of(
                    new GestureEvent("pinch_move", 0, null, 0.6, 0.5, 50),
                    new GestureEvent("swipe_left", 1, null, 0.2, 0.5, 50))));
        });
        inference.start();
        inference.join();
        long now = 1_000_000_000L;
        assertNull(recent.of(0, now), "nothing shown before the display takes it");
        recent.update(now);
        assertEquals("pinch start", recent.of(0, now), "moves and gesture starts are not listed");
        assertEquals("swipe left", recent.of(1, now));
        assertNull(recent.of(2, now));
        assertEquals("swipe left", recent.of(1, now + RecentEvents.SHOWN_NANOS - 1));
        assertNull(recent.of(1, now + RecentEvents.SHOWN_NANOS), "gone after a moment");
    }
}
