package dev.handscope.engine.headpose;

import java.util.Optional;

/**
 * A head pose method's answer for one face: the pose, or why there is none (degenerate or
 * non-finite landmarks, a solver that failed). Never a pose made of garbage.
 *
 * @param pose   the pose, or null
 * @param reason why there is no pose, or null when there is one
 */
public record HeadPoseResult(HeadPose pose, String reason) {

    public HeadPoseResult {
        if ((pose == null) == (reason == null)) {
            throw new IllegalArgumentException("a head pose result has a pose or a reason, not both or neither");
        }
    }

    static HeadPoseResult of(HeadPose pose) {
        return new HeadPoseResult(pose, null);
    }

    static HeadPoseResult refused(String reason) {
        return new HeadPoseResult(null, reason);
    }

    public boolean present() {
        return pose != null;
    }

    public Optional<HeadPose> asOptional() {
        return Optional.ofNullable(pose);
    }
}
