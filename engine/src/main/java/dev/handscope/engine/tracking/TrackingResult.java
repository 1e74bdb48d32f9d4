package dev.handscope.engine.tracking;

import dev.handscope.engine.palm.PalmDetection;
import java.util.List;

/**
 * The tracker's answer for one frame.
 *
 * @param hands       the hands, ordered by id
 * @param detectorRan whether the palm detector ran on this frame
 * @param palms       the palms it found (empty when it did not run)
 * @param timings     where the time went
 */
public record TrackingResult(List<TrackedHand> hands, boolean detectorRan, List<PalmDetection> palms,
                             FrameTimings timings) {
}
