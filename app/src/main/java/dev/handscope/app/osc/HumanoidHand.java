package dev.handscope.app.osc;

import dev.handscope.engine.mesh.HandSkeleton;
import dev.handscope.engine.mesh.HandPose;
import org.joml.Matrix3f;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * Retargets a fitted hand pose (HandScope's template, MANO joint order, camera frame) to Unity's
 * humanoid hand bones, for the VMC protocol.
 *
 * <p>Axes: HandScope's camera frame is right-handed, x right, y down, z away from the camera. The
 * avatar stands facing the camera, so its Unity frame (left-handed, x to the avatar's right, y up,
 * z forward) is the camera frame turned through the origin: {@code (x, y, z) -> (-x, -y, -z)}. That
 * point reflection commutes with every rotation, so a quaternion keeps its components; only
 * positions change sign.
 *
 * <p>Rest poses: the template's (a flat hand, fingers along camera +y, palm facing +z, thumb +x for
 * the right hand, -x for the mirrored left) and the humanoid T-pose's (fingers along the avatar's
 * +x for the right hand and -x for the left, palm down, thumb forward) differ by a fixed rotation B
 * per side. A bone's local rotation q becomes {@code B q B^-1}; the hand bone gets its orientation
 * relative to the T-pose, {@code q0 B^-1}, as if the arm were at rest (HandScope sees no arm).
 */
public final class HumanoidHand {
    /** The humanoid finger bones by finger (thumb, index, middle, ring, little) and phalanx. */
    private static final String[] FINGERS = {"Thumb", "Index", "Middle", "Ring", "Little"};
    private static final String[] PHALANGES = {"Proximal", "Intermediate", "Distal"};

    private final String side;
    private final Quaternionf rest;
    private final Quaternionf restInverse;
    private final String[] boneNames = new String[HandSkeleton.JOINTS];

    /** One bone: its humanoid name, local position (metres) and local rotation. */
    public record Bone(String name, Vector3f position, Quaternionf rotation) {
    }

    private HumanoidHand(String side, Matrix3f templateToHumanoid) {
        this.side = side;
        this.rest = new Quaternionf().setFromNormalized(templateToHumanoid);
        this.restInverse = new Quaternionf(rest).invert();
        boneNames[0] = side + "Hand";
        for (int finger = 0; finger < FINGERS.length; finger++) {
            for (int phalanx = 0; phalanx < PHALANGES.length; phalanx++) {
                boneNames[HandSkeleton.FINGERS[finger][phalanx]] = side + FINGERS[finger] + PHALANGES[phalanx];
            }
        }
    }

    /** The left hand: B maps the avatar-axis template directions (fingers -y, thumb +x, palm -z) to (-x, +z, -y). */
    public static HumanoidHand left() {
        return new HumanoidHand("Left", new Matrix3f(0, 0, 1, 1, 0, 0, 0, 1, 0));
    }

    /** The right hand: B maps (fingers -y, thumb -x, palm -z) to (+x, +z, -y). */
    public static HumanoidHand right() {
        return new HumanoidHand("Right", new Matrix3f(0, 0, -1, -1, 0, 0, 0, 1, 0));
    }

    public String side() {
        return side;
    }

    /** The humanoid name of MANO joint {@code joint}. */
    public String boneName(int joint) {
        return boneNames[joint];
    }

    /**
     * The 16 bones of a fitted pose: the hand at the camera-space wrist (in the avatar's axes), each
     * finger bone at its template offset from its parent, scaled, turned into the humanoid's axes.
     *
     * @param restJoints the template's 16 rest joints (camera axes, metres)
     */
    public Bone[] bones(HandPose pose, float[] restJoints) {
        Bone[] bones = new Bone[HandSkeleton.JOINTS];
        Vector3f wrist = new Vector3f(pose.translation()).negate();
        bones[0] = new Bone(boneNames[0], wrist, new Quaternionf(pose.rotations()[0]).mul(restInverse));
        for (int joint = 1; joint < HandSkeleton.JOINTS; joint++) {
            int parent = HandSkeleton.PARENTS[joint];
            Vector3f offset = new Vector3f(restJoints[3 * joint] - restJoints[3 * parent],
                    restJoints[3 * joint + 1] - restJoints[3 * parent + 1],
                    restJoints[3 * joint + 2] - restJoints[3 * parent + 2]).negate().mul(pose.scale());
            rest.transform(offset);
            Quaternionf local = new Quaternionf(rest).mul(pose.rotations()[joint]).mul(restInverse);
            bones[joint] = new Bone(boneNames[joint], offset, local);
        }
        return bones;
    }
}
