package dev.handscope.engine.gesture;

/**
 * Something that happened with a hand: a gesture started or ended, a swipe, or a pinch drag.
 *
 * @param type    gesture_start, gesture_end, swipe_left, swipe_right, swipe_up, swipe_down, pinch_start,
 *                pinch_move or pinch_end
 * @param handId  the tracked hand
 * @param gesture the static gesture involved (for gesture_start / gesture_end), else null
 * @param x       where (image-normalised, unmirrored): the pinch point, or the hand's centre
 * @param y       as x
 * @param timeMs  frame time
 */
public record GestureEvent(String type, int handId, String gesture, double x, double y, long timeMs) {
}
