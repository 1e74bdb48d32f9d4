package dev.handscope.engine.gesture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.result.HandResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GestureEventsTest {

    private static HandResult hand(int id, double x, double y, String gesture) {
        float[] p = new float[63];
        for (int i = 0; i < 21; i++) {
            p[3 * i] = (float) x;
            p[3 * i + 1] = (float) y;
        }
        Landmarks points = Landmarks.of(p);
        return new HandResult(id, 0, points, points, new Handedness("Right", 0.9), null, new Gesture(gesture, 0.9, -1),
                null, null, null);
    }

    @Test
    void aFastSidewaysMoveIsASwipeOnceThenRests() {
        GestureEvents events = new GestureEvents();
        List<String> types = new ArrayList<>();
        for (int frame = 0; frame <= 12; frame++) {
            double x = 0.2 + frame * 0.04; // 0.48 of the image in 400 ms
            events.update(List.of(hand(1, x, 0.5, "open_palm")), frame * 33L).forEach(e -> types.add(e.type()));
        }
        assertEquals(List.of("gesture_start", "swipe_right"), types);
    }

    @Test
    void pinchDragStartsMovesAndEnds() {
        GestureEvents events = new GestureEvents();
        List<String> types = new ArrayList<>();
        String[] gestures = {"open_palm", "pinch", "pinch", "pinch", "open_palm"};
        for (int frame = 0; frame < gestures.length; frame++) {
            events.update(List.of(hand(2, 0.5 + frame * 0.01, 0.5, gestures[frame])), frame * 100L)
                    .forEach(e -> types.add(e.type()));
        }
        assertEquals(List.of("gesture_start", "gesture_end", "gesture_start", "pinch_start", "pinch_move", "pinch_move",
                "gesture_end", "gesture_start", "pinch_end"), types);
        // A hand that leaves ends what it was doing.
        List<GestureEvent> gone = events.update(List.of(), 600);
        assertEquals("gesture_end", gone.get(0).type());
    }
}
