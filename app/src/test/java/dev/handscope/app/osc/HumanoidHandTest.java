package dev.handscope.app.osc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandSkeleton;
import org.joml.Quaternionf;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

/** The retargeting from HandScope's template pose to Unity's humanoid hand bones, on poses whose answer is known. */
class HumanoidHandTest {

    /** A toy rest skeleton: wrist at 0, each finger's joints 3 cm apart along camera +y. */
    private static float[] rest(float thumbSide) {
        float[] joints = new float[3 * HandSkeleton.JOINTS];
        for (int finger = 0; finger < 5; finger++) {
            for (int phalanx = 0; phalanx < 3; phalanx++) {
                int joint = HandSkeleton.FINGERS[finger][phalanx];
                joints[3 * joint] = thumbSide * (0.04f - 0.02f * finger);
                joints[3 * joint + 1] = 0.06f + 0.03f * phalanx;
            }
        }
        return joints;
    }

    private static float[] xyz(Vector3f v) {
        return new float[] {v.x, v.y, v.z};
    }

    @Test
    void theRestPoseIsTheTPoseTurnedToWhereTheTemplateHandPoints() {
        HumanoidHand right = HumanoidHand.right();
        HumanoidHand.Bone[] bones = right.bones(HandPose.rest(), rest(1));
        assertEquals("RightHand", bones[0].name());
        assertEquals("RightIndexProximal", bones[1].name());
        assertEquals("RightThumbDistal", bones[15].name());
        assertEquals("RightLittleIntermediate", bones[8].name());
        // The T-pose's right fingers (+x) turned by the hand bone point where the template's do: camera +y
        // (fingers down the image) is the avatar's -y; its thumb (+z forward) is camera +x, the avatar's -x.
        assertArrayEquals(new float[] {0, -1, 0}, xyz(bones[0].rotation().transform(new Vector3f(1, 0, 0))), 1e-6f);
        assertArrayEquals(new float[] {-1, 0, 0}, xyz(bones[0].rotation().transform(new Vector3f(0, 0, 1))), 1e-6f);
        for (int joint = 1; joint < HandSkeleton.JOINTS; joint++) {
            Quaternionf local = bones[joint].rotation();
            assertEquals(1, Math.abs(local.w), 1e-6, bones[joint].name() + " rests unturned");
        }
        // A middle phalanx sits 3 cm out along the humanoid's finger axis, +x for the right hand.
        assertArrayEquals(new float[] {0.03f, 0, 0}, xyz(bones[2].position()), 1e-6f);
        assertArrayEquals(new float[] {-0.03f, 0, 0},
                xyz(HumanoidHand.left().bones(HandPose.rest(), rest(-1))[2].position()), 1e-6f);
    }

    @Test
    void aFingerBentAboutTheTemplatesAxisBendsAboutTheHumanoidsMatchingAxis() {
        HandPose pose = HandPose.rest();
        pose.rotations()[2].rotationX((float) Math.toRadians(90)); // index middle joint about camera x (thumb axis)
        HumanoidHand.Bone bone = HumanoidHand.right().bones(pose, rest(1))[2];
        // Camera x is the template's thumb direction; the humanoid's right thumb points forward (+z).
        Vector3f axis = new Vector3f();
        float angle = 2 * (float) Math.acos(bone.rotation().w);
        axis.set(bone.rotation().x, bone.rotation().y, bone.rotation().z).normalize();
        assertEquals(Math.toRadians(90), angle, 1e-5);
        assertEquals(1, Math.abs(axis.z), 1e-5, "about the humanoid's forward axis: " + axis);
    }

    @Test
    void theHandBoneSitsAtTheWristInTheAvatarsAxes() {
        HandPose pose = new HandPose(HandPose.rest().rotations(), 1, new Vector3f(0.1f, -0.05f, 0.6f));
        assertArrayEquals(new float[] {-0.1f, 0.05f, -0.6f},
                xyz(HumanoidHand.left().bones(pose, rest(-1))[0].position()), 1e-6f);
    }
}
