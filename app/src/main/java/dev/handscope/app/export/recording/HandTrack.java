package dev.handscope.app.export.recording;

import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandTemplate;
import java.util.List;

/**
 * One hand id through a recording, with the mesh fitted to it in every frame it is in.
 *
 * @param id         the track id
 * @param handedness the label of its first frame
 * @param template   the template its meshes were fitted with (mirrored for a left hand)
 * @param poses      its frames in order
 */
public record HandTrack(int id, String handedness, HandTemplate template, List<Posed> poses) {

    /**
     * The hand in one frame and the pose fitted to it.
     *
     * @param frame the recorded frame
     * @param hand  the hand in it
     * @param pose  rotations, scale, camera-space wrist
     */
    public record Posed(RecordedFrame frame, RecordedHand hand, HandPose pose) {
    }
}
