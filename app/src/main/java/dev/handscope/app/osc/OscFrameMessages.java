package dev.handscope.app.osc;

import com.illposed.osc.OSCMessage;
import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.headpose.HeadPose;
import dev.handscope.engine.result.FaceResult;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.signals.HandSignals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HandScope's OSC address space (docs/osc.md): per frame {@code /handscope/frame}, then per hand its
 * handedness, gesture, compact landmarks, each landmark and world point by name, interaction
 * signals, then the frame's events and faces' head poses. Landmarks are image-normalised
 * (unmirrored), world points and signals as in the JSON. Runs on the sender thread.
 */
public final class OscFrameMessages implements PacketEncoder {
    public static final String ROOT = "/handscope";

    private final Map<Integer, String[]> landmarkAddresses = new HashMap<>();
    private final Map<Integer, String[]> worldAddresses = new HashMap<>();

    @Override
    public String name() {
        return "osc";
    }

    @Override
    public List<OSCMessage> messages(FrameResult result, long frame, float seconds) {
        List<OSCMessage> messages = new ArrayList<>();
        messages.add(message(ROOT + "/frame", List.of((int) frame, seconds, result.hands().size())));
        for (HandResult hand : result.hands()) {
            addHand(messages, hand);
        }
        for (GestureEvent event : result.events()) {
            messages.add(message(ROOT + "/event/" + event.type(), List.of(event.handId(),
                    event.gesture() == null ? "" : event.gesture(), (float) event.x(), (float) event.y())));
        }
        for (FaceResult face : result.faces()) {
            HeadPose pose = face.pose();
            if (pose != null) {
                double[] t = pose.translation();
                messages.add(message(ROOT + "/face/" + face.id() + "/pose", List.of((float) pose.yaw(),
                        (float) pose.pitch(), (float) pose.roll(), (float) t[0], (float) t[1], (float) t[2])));
            }
        }
        if (landmarkAddresses.size() > 64) {
            landmarkAddresses.clear(); // ids only grow: keep the cache to the hands of late
            worldAddresses.clear();
        }
        return messages;
    }

    private void addHand(List<OSCMessage> messages, HandResult hand) {
        String prefix = ROOT + "/hand/" + hand.id();
        messages.add(message(prefix + "/handedness", List.of(hand.handedness().label(),
                (float) hand.handedness().score())));
        if (hand.gesture() != null) {
            messages.add(message(prefix + "/gesture", List.of(hand.gesture().name(), (float) hand.gesture().score())));
        }
        List<Object> compact = new ArrayList<>(3 * HandTopology.LANDMARKS);
        Landmarks image = hand.landmarks();
        for (int i = 0; i < image.count(); i++) {
            compact.add(image.x(i));
            compact.add(image.y(i));
            compact.add(image.z(i));
        }
        messages.add(message(prefix + "/landmarks", compact));
        addPoints(messages, landmarkAddresses.computeIfAbsent(hand.id(), id -> addresses(prefix + "/landmark/")),
                image);
        addPoints(messages, worldAddresses.computeIfAbsent(hand.id(), id -> addresses(prefix + "/world/")),
                hand.worldLandmarks());
        HandSignals signals = hand.signals();
        if (signals != null) {
            messages.add(message(prefix + "/pinch", List.of((float) signals.pinch())));
            messages.add(message(prefix + "/grab", List.of((float) signals.grab())));
            messages.add(message(prefix + "/palm", vector(signals.palmCamera())));
            messages.add(message(prefix + "/palm/image", vector(signals.palmImage())));
            messages.add(message(prefix + "/palm/normal", vector(signals.palmNormal())));
            messages.add(message(prefix + "/palm/velocity", vector(signals.palmVelocity())));
            List<Object> ray = new ArrayList<>(vector(signals.pointOrigin()));
            ray.addAll(vector(signals.pointDirection()));
            messages.add(message(prefix + "/point", ray));
            messages.add(message(prefix + "/visible", List.of((float) signals.visibleSeconds())));
        }
    }

    private static void addPoints(List<OSCMessage> messages, String[] addresses, Landmarks points) {
        for (int i = 0; i < points.count(); i++) {
            messages.add(message(addresses[i], List.of(points.x(i), points.y(i), points.z(i))));
        }
    }

    private static String[] addresses(String prefix) {
        String[] addresses = new String[HandTopology.LANDMARKS];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = prefix + HandTopology.NAMES[i];
        }
        return addresses;
    }

    private static List<Object> vector(float[] xyz) {
        return List.of(xyz[0], xyz[1], xyz[2]);
    }

    static OSCMessage message(String address, List<?> arguments) {
        return new OSCMessage(address, arguments);
    }
}
