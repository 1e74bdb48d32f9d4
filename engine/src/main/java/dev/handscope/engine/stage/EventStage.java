package dev.handscope.engine.stage;

import dev.handscope.engine.gesture.GestureEvents;
import dev.handscope.engine.result.FrameResult;

/** Gesture events (starts, ends, pinches, swipes) from every processed frame, on the frame's clock. */
public final class EventStage implements FrameStage {
    private GestureEvents events = new GestureEvents();

    @Override
    public String name() {
        return "events";
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        return result.withEvents(events.update(result.hands(), result.timeMs()));
    }

    @Override
    public void reset() {
        events = new GestureEvents();
    }
}
