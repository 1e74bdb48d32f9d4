package dev.handscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illposed.osc.OSCMessage;
import dev.handscope.app.osc.BundleSplitter;
import dev.handscope.app.osc.OscReceiver;
import dev.handscope.engine.hand.HandTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code track --osc --vmc} on the shared test video, with real UDP receivers on loopback: what they
 * decode (javaosc's parser) matches the frame results written to the JSON lines, frame by frame.
 */
class OscOutputTest {
    private static final Path SHARED = Path.of(System.getProperty("handscope.shared", "../../shared"));
    private static final String VIDEO = SHARED.resolve("testdata/media/hand_landmarker_test_video.mp4").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static List<JsonNode> frames;
    private static List<OSCMessage> osc;
    private static List<Integer> oscSizes;
    private static List<OSCMessage> vmc;
    private static String trackSummary;

    @BeforeAll
    static void trackTheVideo() throws Exception {
        try (OscReceiver oscIn = new OscReceiver(); OscReceiver vmcIn = new OscReceiver()) {
            Path out = dir.resolve("track.jsonl");
            CommandRun run = CommandRun.run("track", "--video", VIDEO, "--out", out.toString(),
                    "--osc", ":" + oscIn.port(), "--vmc", "127.0.0.1:" + vmcIn.port());
            assertEquals(0, run.exit(), run.err());
            trackSummary = run.err().strip().lines().reduce((a, b) -> b).orElse("");
            assertFalse(run.err().contains("warning"), "loopback needs no warning: " + run.err());
            oscIn.awaitQuiet(300);
            vmcIn.awaitQuiet(300);
            assertEquals(List.of(), oscIn.problems());
            assertEquals(List.of(), vmcIn.problems());
            frames = new ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                frames.add(JSON.readTree(line));
            }
            osc = oscIn.messages();
            oscSizes = oscIn.sizes();
            vmc = vmcIn.messages();
        }
    }

    /**
     * The OSC messages after each /handscope/frame, up to the next, by frame time in milliseconds (the
     * output's clock starts at its first frame, which for a file is at 0, as the JSON's).
     */
    private static Map<Long, List<OSCMessage>> oscByFrame() {
        Map<Long, List<OSCMessage>> byFrame = new HashMap<>();
        List<OSCMessage> current = null;
        for (OSCMessage message : osc) {
            if (message.getAddress().equals("/handscope/frame")) {
                current = new ArrayList<>();
                byFrame.put(Math.round((Float) message.getArguments().get(1) * 1000.0), current);
            }
            if (current != null) {
                current.add(message);
            }
        }
        return byFrame;
    }

    private static OSCMessage find(List<OSCMessage> messages, String address) {
        return messages.stream().filter(m -> m.getAddress().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + address));
    }

    private static float f(OSCMessage message, int argument) {
        return (Float) message.getArguments().get(argument);
    }

    @Test
    void everyFrameArrivesWithItsHandsAsTheJsonHasThem() {
        Map<Long, List<OSCMessage>> byFrame = oscByFrame();
        assertTrue(frames.size() > 100, "frames: " + frames.size());
        // A loaded machine may starve the sender (its queue drops, never blocks) or the receiver (the socket's
        // buffer overflows): most frames arrive, and every one that does matches.
        assertTrue(byFrame.size() >= frames.size() * 0.8, byFrame.size() + " of " + frames.size() + " frames; "
                + trackSummary);
        int hands = 0;
        for (JsonNode frame : frames) {
            List<OSCMessage> messages = byFrame.get(Math.round(frame.get("timestampMs").asDouble()));
            if (messages == null) {
                continue;
            }
            OSCMessage header = messages.get(0);
            assertEquals(frame.get("hands").size(), header.getArguments().get(2));
            for (JsonNode hand : frame.get("hands")) {
                hands++;
                String prefix = "/handscope/hand/" + hand.get("id").asInt();
                OSCMessage compact = find(messages, prefix + "/landmarks");
                assertEquals(63, compact.getArguments().size());
                for (int i = 0; i < 63; i++) {
                    assertEquals(hand.get("landmarks").get(i / 3).get(i % 3).floatValue(), f(compact, i), 1e-6);
                }
                for (int point = 0; point < HandTopology.LANDMARKS; point++) {
                    OSCMessage named = find(messages, prefix + "/landmark/" + HandTopology.NAMES[point]);
                    OSCMessage world = find(messages, prefix + "/world/" + HandTopology.NAMES[point]);
                    for (int axis = 0; axis < 3; axis++) {
                        assertEquals(hand.get("landmarks").get(point).get(axis).floatValue(), f(named, axis), 1e-6);
                        assertEquals(hand.get("worldLandmarks").get(point).get(axis).floatValue(), f(world, axis),
                                1e-6);
                    }
                }
                OSCMessage handedness = find(messages, prefix + "/handedness");
                assertEquals(hand.get("handedness").asText(), handedness.getArguments().get(0));
                assertEquals(hand.get("handednessScore").floatValue(), f(handedness, 1), 1e-6);
                assertEquals(hand.get("gesture").get("name").asText(),
                        find(messages, prefix + "/gesture").getArguments().get(0));
                JsonNode signals = hand.get("signals");
                assertEquals(signals.get("pinch").floatValue(), f(find(messages, prefix + "/pinch"), 0), 1e-6);
                assertEquals(signals.get("grab").floatValue(), f(find(messages, prefix + "/grab"), 0), 1e-6);
                OSCMessage palm = find(messages, prefix + "/palm");
                OSCMessage point = find(messages, prefix + "/point");
                for (int axis = 0; axis < 3; axis++) {
                    assertEquals(signals.get("palmCamera").get(axis).floatValue(), f(palm, axis), 1e-6);
                    assertEquals(signals.get("pointDirection").get(axis).floatValue(), f(point, 3 + axis), 1e-6);
                }
                assertEquals(signals.get("visibleSeconds").floatValue(), f(find(messages, prefix + "/visible"), 0),
                        1e-6);
            }
        }
        assertTrue(hands > 100, "hands: " + hands);
        List<Integer> numbers = osc.stream().filter(m -> m.getAddress().equals("/handscope/frame"))
                .map(m -> (Integer) m.getArguments().get(0)).toList();
        for (int i = 1; i < numbers.size(); i++) {
            assertTrue(numbers.get(i) > numbers.get(i - 1), "frame numbers rise: " + numbers);
        }
        assertEquals(0, numbers.get(0));
    }

    @Test
    void eventsGoOutUnderTheirType() { // track's JSON lines carry no events; the OSC does, as the stream
        long events = osc.stream().filter(m -> m.getAddress().startsWith("/handscope/event/")).count();
        assertTrue(events > 0, "the test video's hand starts and ends gestures");
        assertTrue(osc.stream().anyMatch(m -> m.getAddress().equals("/handscope/event/gesture_start")));
    }

    @Test
    void everyDatagramStaysUnderTheSizeLimit() {
        assertTrue(oscSizes.size() > frames.size(), "a frame with a hand takes more than one datagram");
        for (int size : oscSizes) {
            assertTrue(size <= BundleSplitter.MAX_BYTES, size + " bytes");
        }
    }

    @Test
    void vmcSendsTheHumanoidHandBonesOfEachTrackedHand() {
        List<OSCMessage> ok = vmc.stream().filter(m -> m.getAddress().equals("/VMC/Ext/OK")).toList();
        assertTrue(ok.size() >= frames.size() * 0.8, "one /VMC/Ext/OK per frame: " + ok.size() + "; " + trackSummary);
        long tracked = frames.stream().filter(f -> f.get("hands").size() > 0).count();
        long tracking = ok.stream().filter(m -> m.getArguments().equals(List.of(1, 3, 0, 1))).count();
        assertTrue(tracking <= tracked && tracking >= tracked - (frames.size() - ok.size()),
                tracking + " of " + tracked + " tracked frames");
        assertEquals(ok.size(), vmc.stream().filter(m -> m.getAddress().equals("/VMC/Ext/T")).count());
        Set<String> names = new HashSet<>();
        for (OSCMessage bone : vmc) {
            if (!bone.getAddress().equals("/VMC/Ext/Bone/Pos")) {
                continue;
            }
            List<Object> args = bone.getArguments();
            assertEquals(8, args.size());
            names.add((String) args.get(0));
            double norm = 0;
            for (int i = 4; i < 8; i++) {
                norm += Math.pow((Float) args.get(i), 2);
            }
            assertEquals(1, norm, 1e-4, "a unit quaternion: " + args);
        }
        Set<String> sides = new HashSet<>();
        frames.forEach(f -> f.get("hands").forEach(h -> sides.add(h.get("handedness").asText())));
        Set<String> expected = new HashSet<>();
        for (String side : sides) {
            expected.add(side + "Hand");
            for (String finger : List.of("Thumb", "Index", "Middle", "Ring", "Little")) {
                for (String phalanx : List.of("Proximal", "Intermediate", "Distal")) {
                    expected.add(side + finger + phalanx);
                }
            }
        }
        assertEquals(expected, names);
        // The hand bone sits at the wrist, camera space in the avatar's axes (all negated): in front of the camera.
        OSCMessage hand = vmc.stream().filter(m -> m.getAddress().equals("/VMC/Ext/Bone/Pos")
                && ((String) m.getArguments().get(0)).endsWith("Hand")).findFirst().orElseThrow();
        float depth = -(Float) hand.getArguments().get(3);
        assertTrue(depth > 0.1 && depth < 3, "wrist " + depth + " m from the camera");
    }
}
