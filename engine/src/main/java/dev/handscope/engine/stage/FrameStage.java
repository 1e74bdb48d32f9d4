package dev.handscope.engine.stage;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.result.FrameResult;

/**
 * One step after tracking (gestures, A/B comparison, events, outputs, recording, mesh): takes the
 * frame result so far and returns it, added to. The pipeline runs its stages in order and times
 * each one. A stage runs on the inference thread only.
 */
public interface FrameStage {

    /** What the frame is: the captured frame (null for a still image) and the image the models read. */
    record Input(Frame frame, RgbImage image) {
    }

    /** Short name, as timings show it. */
    String name();

    /**
     * Called before the frame is tracked.
     *
     * @return true when tracking must start afresh with this frame (e.g. a recording begins)
     */
    default boolean prepare(Frame frame) {
        return false;
    }

    FrameResult apply(FrameResult result, Input input);

    /** Forgets what it knew of earlier frames (tracking restarted). */
    default void reset() {
    }
}
