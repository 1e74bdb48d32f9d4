package dev.handscope.app.ui.viewmodel;

import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import java.util.List;
import java.util.Objects;

/**
 * The frame on screen and what tracking said of it: what saving, snapshots, readouts and clicks
 * read.
 *
 * @param sequence the frame's number from the source; -1 before the first
 * @param result   what tracking found, or null when no tracked frame was shown yet
 */
public record ShownFrame(long sequence, int width, int height, FrameResult result) {

    /** Nothing shown yet. */
    public static final ShownFrame NONE = new ShownFrame(-1, 0, 0, null);

    /** The hands on screen; empty when none (or no tracking). */
    public List<HandResult> hands() {
        return result == null ? List.of() : result.hands();
    }

    /** The hands' meshes, in the hands' order (hands without a mesh left out). */
    public List<HandMesh> meshes() {
        return hands().stream().map(HandResult::mesh).filter(Objects::nonNull).toList();
    }

    /** Another frame of the source, with what was tracked before (tracking is off or behind). */
    public ShownFrame withFrame(long frameSequence, int frameWidth, int frameHeight) {
        return new ShownFrame(frameSequence, frameWidth, frameHeight, result);
    }

    /** The same frame without the A/B model's landmarks. */
    public ShownFrame withoutComparison() {
        return result == null ? this
                : new ShownFrame(sequence, width, height, result.mapHands(hand -> hand.withComparison(null)));
    }
}
