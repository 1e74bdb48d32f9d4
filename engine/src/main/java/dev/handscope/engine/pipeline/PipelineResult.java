package dev.handscope.engine.pipeline;

import dev.handscope.engine.tracking.TrackingResult;

/**
 * The hands of one frame.
 *
 * @param sequence   the frame's sequence number
 * @param width      frame width in pixels
 * @param height     frame height in pixels
 * @param tracking   hands, palms, timings
 * @param copyNanos  time to copy the frame into the models' native image (part of preprocessing)
 * @param comparison for A/B runs: the second landmark model on each hand's crop (same order as the
 *                   hands), else empty
 */
public record PipelineResult(long sequence, int width, int height, TrackingResult tracking, long copyNanos,
                             java.util.List<dev.handscope.engine.landmarks.HandLandmarks> comparison) {
}
