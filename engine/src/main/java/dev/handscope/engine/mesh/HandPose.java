package dev.handscope.engine.mesh;

import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * A posed hand: each joint's rotation relative to its parent (joint 0's is the global
 * orientation), a uniform scale and the wrist joint's position.
 *
 * @param rotations   16 local rotations in MANO joint order
 * @param scale       size relative to the template
 * @param translation where the wrist joint goes
 */
public record HandPose(Quaternionf[] rotations, float scale, Vector3f translation) {

    /** The template's own rest pose at the origin. */
    public static HandPose rest() {
        Quaternionf[] rotations = new Quaternionf[HandSkeleton.JOINTS];
        for (int j = 0; j < rotations.length; j++) {
            rotations[j] = new Quaternionf();
        }
        return new HandPose(rotations, 1f, new Vector3f());
    }
}
