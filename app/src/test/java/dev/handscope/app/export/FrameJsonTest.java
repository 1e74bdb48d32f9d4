package dev.handscope.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.engine.gesture.Gesture;
import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.tracking.FrameTimings;
import dev.handscope.engine.tracking.TrackedHand;
import dev.handscope.engine.tracking.TrackingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every place that writes a frame's hands (detect, track, recording, snapshot, stream) writes the same hands. */
class FrameJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FrameTimings TIMINGS = new FrameTimings(1_000_000, 2_000_000, 3_000_000, 400_000);

    private static TrackedHand hand(int id, String side, Gesture gesture) {
        float[] landmarks = new float[63];
        float[] world = new float[63];
        for (int i = 0; i < landmarks.length; i++) {
            landmarks[i] = 0.01f * i + 0.001f * id;
            world[i] = -0.003f * i;
        }
        Handedness handedness = new Handedness(side, 0.87);
        RotatedRect rect = new RotatedRect(0.4, 0.6, 0.3, 0.35, 0.25);
        return new TrackedHand(id, new HandLandmarks(landmarks, world, 0.95, handedness, rect), landmarks, world,
                handedness, 0.95, rect, 0, null, gesture);
    }

    private static final List<TrackedHand> HANDS = List.of(hand(0, Handedness.RIGHT, new Gesture("pinch", 0.8, 0.21)),
            hand(1, Handedness.LEFT, new Gesture("fist", 0.7, -1)));

    @Test
    void detectTrackAndStreamWriteTheSameImageAndHands(@TempDir Path dir) throws Exception {
        JsonNode detect = JSON.readTree(FrameJson.resultLine(-1, 0, 640, 480, HANDS, TIMINGS, 0));
        JsonNode track = JSON.readTree(FrameJson.resultLine(7, 233.3334, 640, 480, HANDS, TIMINGS, 500_000));
        JsonNode stream = JSON.readTree(FrameJson.streamMessage(7, 233, 640, 480, HANDS,
                List.of(new GestureEvent("pinch_start", 0, null, 0.5, 0.25, 233))));
        FailureSnapshot.write(dir, new byte[640 * 480 * 3], 640, 480,
                new TrackingResult(HANDS, true, List.of(), TIMINGS), java.util.Map.of());
        JsonNode snapshot = JSON.readTree(Files.readString(dir.resolve("results.json")));

        assertEquals(2, detect.get("hands").size());
        for (JsonNode other : List.of(track, stream, snapshot)) {
            assertEquals(detect.get("hands"), other.get("hands"));
            assertEquals(detect.get("image"), other.get("image"));
        }
        JsonNode pinch = detect.get("hands").get(0).get("gesture");
        assertEquals(0.21, pinch.get("pinchDistance").asDouble(), 1e-6);
        assertFalse(detect.get("hands").get(1).get("gesture").has("pinchDistance"), "no pinch distance outside a pinch");
    }

    @Test
    void eachPathAddsOnlyItsOwnFields() throws Exception {
        JsonNode detect = JSON.readTree(FrameJson.resultLine(-1, 0, 640, 480, HANDS, TIMINGS, 0));
        assertEquals(List.of("image", "hands", "timingsMs"), fieldNames(detect));

        JsonNode track = JSON.readTree(FrameJson.resultLine(7, 233.3334, 640, 480, HANDS, TIMINGS, 500_000));
        assertEquals(List.of("frame", "timestampMs", "image", "hands", "timingsMs"), fieldNames(track));
        assertEquals(233.333, track.get("timestampMs").asDouble(), 1e-9);
        assertEquals(1.5, track.get("timingsMs").get("preprocess").asDouble(), 1e-9, "copy time counts as preprocess");

        JsonNode stream = JSON.readTree(FrameJson.streamMessage(7, 233, 640, 480, HANDS,
                List.of(new GestureEvent("gesture_start", 1, "fist", 0.5, 0.25, 233))));
        assertEquals(List.of("type", "frame", "timestampMs", "image", "hands", "events"), fieldNames(stream));
        assertTrue(stream.get("timestampMs").isIntegralNumber(), "the stream's time is the tracker's whole ms");
        assertEquals("fist", stream.get("events").get(0).get("gesture").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
