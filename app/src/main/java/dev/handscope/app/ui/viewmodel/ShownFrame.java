package dev.handscope.app.ui.viewmodel;

import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.tracking.TrackedHand;
import dev.handscope.engine.tracking.TrackingResult;
import java.util.List;

/**
 * The frame on screen and what tracking said of it: what saving, snapshots, readouts and clicks
 * read. With {@link dev.handscope.app.ui.FramePresenter} the one place the window names the
 * engine's result types.
 *
 * @param sequence   the frame's number from the source; -1 before the first
 * @param result     what tracking found, or null when no tracked frame was shown yet
 * @param meshes     one per hand, in the result's order
 * @param comparison the A/B model's landmarks for the same crops; empty when it does not run
 */
public record ShownFrame(long sequence, int width, int height, TrackingResult result,
                         List<HandMesher.HandMesh> meshes, List<HandLandmarks> comparison) {

    /** Nothing shown yet. */
    public static final ShownFrame NONE = new ShownFrame(-1, 0, 0, null, List.of(), List.of());

    /** The hands on screen; empty when none (or no tracking). */
    public List<TrackedHand> hands() {
        return result == null ? List.of() : result.hands();
    }

    /** Another frame of the source, with what was tracked before (tracking is off or behind). */
    public ShownFrame withFrame(long frameSequence, int frameWidth, int frameHeight) {
        return new ShownFrame(frameSequence, frameWidth, frameHeight, result, meshes, comparison);
    }

    /** The same frame without the A/B model's landmarks. */
    public ShownFrame withoutComparison() {
        return new ShownFrame(sequence, width, height, result, meshes, List.of());
    }
}
