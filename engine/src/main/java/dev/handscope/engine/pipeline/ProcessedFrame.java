package dev.handscope.engine.pipeline;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.result.FrameResult;

/**
 * A frame's pixels travelling with its result to the display. Release it once drawn.
 *
 * @param startNanos when inference took the frame
 * @param doneNanos  when its last stage finished
 */
public record ProcessedFrame(Frame frame, FrameResult result, long startNanos, long doneNanos) {

    /** How long the frame waited between capture and the start of inference. */
    public long captureWaitNanos() {
        return startNanos - frame.captureNanos();
    }

    public void release() {
        frame.release();
    }
}
