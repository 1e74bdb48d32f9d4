package dev.handscope.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.engine.gesture.Gesture;
import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.result.FrameResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every place that writes a frame's hands (detect, track, recording, snapshot, stream) writes the same hands. */
class FrameJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FrameTimings TIMINGS = new FrameTimings(0, 1_000_000, 2_000_000, 3_000_000, 400_000);

    private static HandResult hand(int id, String side, Gesture gesture) {
        float[] landmarks = new float[63];
        float[] world = new float[63];
        for (int i = 0; i < landmarks.length; i++) {
            landmarks[i] = 0.01f * i + 0.001f * id;
            world[i] = -0.003f * i;
        }
        Handedness handedness = new Handedness(side, 0.87);
        RotatedRect rect = new RotatedRect(0.4, 0.6, 0.3, 0.35, 0.25);
        HandLandmarks model = new HandLandmarks(Landmarks.of(landmarks), Landmarks.of(world), 0.95, handedness, rect);
        return new HandResult(id, 0, model.landmarks(), model.worldLandmarks(), handedness, model, gesture, null, null,
                null);
    }

    /** The hands as a still image's result (detect, snapshot). */
    private static FrameResult still() {
        return new FrameResult(0, 0, 640, 480, HANDS, true, List.of(), TIMINGS, List.of(), List.of());
    }

    /** The hands as a video frame's result at 233.3334 ms, with 0.5 ms of frame copy and these events. */
    private static FrameResult video(List<GestureEvent> events) {
        return new FrameResult(7, 233_333_400, 640, 480, HANDS, false, List.of(), TIMINGS.withCopy(500_000), List.of(),
                events);
    }

    private static final List<HandResult> HANDS = List.of(hand(0, Handedness.RIGHT, new Gesture("pinch", 0.8, 0.21)),
            hand(1, Handedness.LEFT, new Gesture("fist", 0.7, -1)));

    @Test
    void detectTrackAndStreamWriteTheSameImageAndHands(@TempDir Path dir) throws Exception {
        JsonNode detect = JSON.readTree(FrameJson.resultLine(still(), -1));
        JsonNode track = JSON.readTree(FrameJson.resultLine(video(List.of()), 7));
        JsonNode stream = JSON.readTree(FrameJson.streamMessage(video(
                List.of(new GestureEvent("pinch_start", 0, null, 0.5, 0.25, 233))), 7));
        FailureSnapshot.write(dir, new byte[640 * 480 * 3], 640, 480, still(), java.util.Map.of());
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
        JsonNode detect = JSON.readTree(FrameJson.resultLine(still(), -1));
        assertEquals(List.of("image", "hands", "timingsMs"), fieldNames(detect));

        JsonNode track = JSON.readTree(FrameJson.resultLine(video(List.of()), 7));
        assertEquals(List.of("frame", "timestampMs", "image", "hands", "timingsMs"), fieldNames(track));
        assertEquals(233.333, track.get("timestampMs").asDouble(), 1e-9);
        assertEquals(1.5, track.get("timingsMs").get("preprocess").asDouble(), 1e-9, "copy time counts as preprocess");

        JsonNode stream = JSON.readTree(FrameJson.streamMessage(video(
                List.of(new GestureEvent("gesture_start", 1, "fist", 0.5, 0.25, 233))), 7));
        assertEquals(List.of("type", "frame", "timestampMs", "image", "hands", "events"), fieldNames(stream));
        assertTrue(stream.get("timestampMs").isIntegralNumber(), "the stream's time is the tracker's whole ms");
        assertEquals("fist", stream.get("events").get(0).get("gesture").asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void facesAreWrittenWhenTheyWereLookedFor() throws Exception {
        float[] points = new float[468 * 3];
        for (int i = 0; i < points.length; i++) {
            points[i] = 0.001f * i;
        }
        var pose = new dev.handscope.engine.headpose.HeadPose(12, -5, 3, new double[] {0, 0.1, 0, 0.995},
                new double[] {0.01, -0.02, 0.5});
        var face = new dev.handscope.engine.result.FaceResult(4, 0, Landmarks.of(points), 0.97,
                new RotatedRect(0.5, 0.4, 0.3, 0.2, 0.1), pose, null);
        JsonNode none = JSON.readTree(FrameJson.resultLine(still(), -1));
        assertFalse(none.has("faces"), "no faces key while faces are not looked for");
        JsonNode empty = JSON.readTree(FrameJson.resultLine(still().withFaces(List.of()), -1));
        assertEquals(0, empty.get("faces").size(), "looked for, none found");
        JsonNode line = JSON.readTree(FrameJson.resultLine(still().withFaces(List.of(face)), -1));
        JsonNode stream = JSON.readTree(FrameJson.streamMessage(video(List.of()).withFaces(List.of(face)), 7));
        assertEquals(line.get("faces"), stream.get("faces"), "the stream writes the same faces");
        JsonNode written = line.get("faces").get(0);
        assertEquals(4, written.get("id").asInt());
        assertEquals(468, written.get("landmarks").size());
        assertEquals(12, written.get("pose").get("yaw").asDouble(), 1e-6);
        assertEquals(0.995, written.get("pose").get("quaternion").get(3).asDouble(), 1e-6);
        assertFalse(written.has("pnpPose"), "a method that did not run is left out");
    }
}
