package dev.handscope.engine.gesture;

import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.result.HandResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Discrete events from the stream of tracked hands: static gestures starting and ending, swipes
 * (the hand's centre travelling a quarter of the image within half a second, mostly along one
 * axis, then a short rest), and pinch drags (start, move, end). One instance per stream.
 */
public final class GestureEvents {
    private static final long SWIPE_WINDOW_MS = 500;
    private static final double SWIPE_DISTANCE = 0.25;
    private static final double SWIPE_STRAIGHTNESS = 2.0;
    private static final long SWIPE_COOLDOWN_MS = 700;

    private static final class HandState {
        final ArrayDeque<double[]> path = new ArrayDeque<>(); // x, y, time
        String gesture;
        boolean pinching;
        long lastSwipe = Long.MIN_VALUE / 2;
    }

    private final Map<Integer, HandState> hands = new HashMap<>();

    /** The events of one frame. */
    public List<GestureEvent> update(List<HandResult> tracked, long timeMs) {
        List<GestureEvent> events = new ArrayList<>();
        Map<Integer, HandState> seen = new HashMap<>();
        for (HandResult hand : tracked) {
            HandState state = hands.getOrDefault(hand.id(), new HandState());
            seen.put(hand.id(), state);
            Landmarks p = hand.landmarks();
            double cx = midX(p, HandTopology.WRIST, HandTopology.MIDDLE_MCP);
            double cy = midY(p, HandTopology.WRIST, HandTopology.MIDDLE_MCP);
            String gesture = hand.gesture() == null ? Gesture.NONE : hand.gesture().name();
            if (!gesture.equals(state.gesture)) {
                if (state.gesture != null && !Gesture.NONE.equals(state.gesture)) {
                    events.add(new GestureEvent("gesture_end", hand.id(), state.gesture, cx, cy, timeMs));
                }
                if (!Gesture.NONE.equals(gesture)) {
                    events.add(new GestureEvent("gesture_start", hand.id(), gesture, cx, cy, timeMs));
                }
                state.gesture = gesture;
            }
            boolean pinch = "pinch".equals(gesture) || "ok".equals(gesture);
            double px = midX(p, HandTopology.THUMB_TIP, HandTopology.INDEX_TIP);
            double py = midY(p, HandTopology.THUMB_TIP, HandTopology.INDEX_TIP);
            if (pinch && !state.pinching) {
                events.add(new GestureEvent("pinch_start", hand.id(), null, px, py, timeMs));
            } else if (pinch) {
                events.add(new GestureEvent("pinch_move", hand.id(), null, px, py, timeMs));
            } else if (state.pinching) {
                events.add(new GestureEvent("pinch_end", hand.id(), null, px, py, timeMs));
            }
            state.pinching = pinch;
            swipe(state, hand.id(), cx, cy, timeMs, events);
        }
        for (Map.Entry<Integer, HandState> gone : hands.entrySet()) {
            if (!seen.containsKey(gone.getKey())) {
                HandState state = gone.getValue();
                if (state.pinching) {
                    events.add(new GestureEvent("pinch_end", gone.getKey(), null, -1, -1, timeMs));
                }
                if (state.gesture != null && !Gesture.NONE.equals(state.gesture)) {
                    events.add(new GestureEvent("gesture_end", gone.getKey(), state.gesture, -1, -1, timeMs));
                }
            }
        }
        hands.clear();
        hands.putAll(seen);
        return events;
    }

    private static void swipe(HandState state, int id, double x, double y, long timeMs, List<GestureEvent> events) {
        state.path.addLast(new double[] {x, y, timeMs});
        while (!state.path.isEmpty() && timeMs - state.path.peekFirst()[2] > SWIPE_WINDOW_MS) {
            state.path.removeFirst();
        }
        if (timeMs - state.lastSwipe < SWIPE_COOLDOWN_MS || state.path.size() < 3) {
            return;
        }
        double[] start = state.path.peekFirst();
        double dx = x - start[0];
        double dy = y - start[1];
        String type = null;
        if (Math.abs(dx) >= SWIPE_DISTANCE && Math.abs(dx) >= SWIPE_STRAIGHTNESS * Math.abs(dy)) {
            type = dx > 0 ? "swipe_right" : "swipe_left";
        } else if (Math.abs(dy) >= SWIPE_DISTANCE && Math.abs(dy) >= SWIPE_STRAIGHTNESS * Math.abs(dx)) {
            type = dy > 0 ? "swipe_down" : "swipe_up";
        }
        if (type != null) {
            events.add(new GestureEvent(type, id, null, x, y, timeMs));
            state.lastSwipe = timeMs;
            state.path.clear();
        }
    }

    /** Image x halfway between landmarks a and b. */
    private static double midX(Landmarks p, int a, int b) {
        return (p.x(a) + p.x(b)) / 2;
    }

    /** Image y halfway between landmarks a and b. */
    private static double midY(Landmarks p, int a, int b) {
        return (p.y(a) + p.y(b)) / 2;
    }
}
