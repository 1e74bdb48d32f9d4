package dev.handscope.app.osc;

import com.illposed.osc.OSCMessage;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The VMC protocol's messages for a frame, as a Performer sends them to a Marionette (VMC protocol
 * Marionette specification, https://sh-akira.github.io/VirtualMotionCaptureProtocol/, source
 * sh-akira/VirtualMotionCaptureProtocol docs/marionette-spec.markdown):
 * {@code /VMC/Ext/OK (int)loaded (int)calibration state (int)calibration mode (int)tracking status}
 * (V2.7: 1 = loaded; 3 = calibrated; 0 = normal mode; 1 = tracking, 0 = not),
 * {@code /VMC/Ext/T (float)time} (the sender's relative time: seconds since the first frame), and
 * per hand with a fitted mesh {@code /VMC/Ext/Bone/Pos (string)name (float)p.x p.y p.z q.x q.y q.z q.w}, the bone's local
 * pose, named as Unity's HumanBodyBones, retargeted by {@link HumanoidHand}. The first hand of
 * each side (by id) drives that side.
 */
public final class VmcFrameMessages implements PacketEncoder {
    public static final int DEFAULT_PORT = 39539;

    private final HumanoidHand left = HumanoidHand.left();
    private final HumanoidHand right = HumanoidHand.right();

    @Override
    public String name() {
        return "vmc";
    }

    @Override
    public boolean readsMesh() {
        return true;
    }

    @Override
    public List<OSCMessage> messages(FrameResult result, long frame, float seconds) {
        List<OSCMessage> messages = new ArrayList<>();
        HandResult leftHand = first(result, Handedness.LEFT);
        HandResult rightHand = first(result, Handedness.RIGHT);
        int tracking = leftHand != null || rightHand != null ? 1 : 0;
        messages.add(new OSCMessage("/VMC/Ext/OK", List.of(1, 3, 0, tracking)));
        messages.add(new OSCMessage("/VMC/Ext/T", List.of(seconds)));
        addBones(messages, left, leftHand);
        addBones(messages, right, rightHand);
        return messages;
    }

    private static HandResult first(FrameResult result, String side) {
        for (HandResult hand : result.hands()) {
            if (hand.mesh() != null && side.equals(hand.handedness().label())) {
                return hand;
            }
        }
        return null;
    }

    private static void addBones(List<OSCMessage> messages, HumanoidHand humanoid, HandResult hand) {
        if (hand == null) {
            return;
        }
        HandMesh mesh = hand.mesh();
        for (HumanoidHand.Bone bone : humanoid.bones(mesh.pose(), mesh.template().joints())) {
            messages.add(new OSCMessage("/VMC/Ext/Bone/Pos", List.of(bone.name(), bone.position().x,
                    bone.position().y, bone.position().z, bone.rotation().x, bone.rotation().y, bone.rotation().z,
                    bone.rotation().w)));
        }
    }
}
