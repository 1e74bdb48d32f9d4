package dev.handscope.engine.gesture;

/**
 * A recognised hand pose.
 *
 * @param name          snake_case name: open_palm, fist, pointing_up, thumbs_up, thumbs_down, victory, ok, pinch,
 *                      call, four, rock or none
 * @param score         confidence in [0, 1]
 * @param pinchDistance thumb tip to index tip relative to the palm's size (for pinch and ok; else -1)
 */
public record Gesture(String name, double score, double pinchDistance) {
    public static final String NONE = "none";

    public static Gesture none(double score) {
        return new Gesture(NONE, score, -1);
    }
}
