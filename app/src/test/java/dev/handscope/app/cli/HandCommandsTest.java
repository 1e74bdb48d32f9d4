package dev.handscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.app.ui.HandScopeApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's JSON contract (detect, track, bench) on real images and the test video. */
class HandCommandsTest {
    private static final Path SHARED = Path.of(System.getProperty("handscope.shared", "../../shared"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new HandScopeCommand(HandScopeApp::run));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void assertHandContract(JsonNode hand) {
        assertTrue(hand.get("id").isInt());
        assertTrue(List.of("Left", "Right").contains(hand.get("handedness").asText()));
        // The track's average for its label: a label holds (hysteresis) until the average passes 0.35.
        assertTrue(hand.get("handednessScore").asDouble() >= 0.35, hand.toString());
        assertTrue(hand.get("presence").asDouble() > 0.5);
        for (String field : List.of("cx", "cy", "w", "h", "rotation")) {
            assertTrue(hand.get("rect").get(field).isNumber(), field);
        }
        assertEquals(21, hand.get("landmarks").size());
        assertEquals(21, hand.get("worldLandmarks").size());
        assertTrue(hand.get("gesture").get("name").asText().matches("[a-z_]+"), hand.toString());
        assertTrue(hand.get("gesture").get("score").asDouble() >= 0.5);
        for (JsonNode point : hand.get("landmarks")) {
            assertEquals(3, point.size());
            assertTrue(point.get(0).asDouble() > -0.2 && point.get(0).asDouble() < 1.2, "x normalised to the image");
        }
        for (JsonNode point : hand.get("worldLandmarks")) {
            assertTrue(Math.abs(point.get(0).asDouble()) < 0.3, "world landmarks are metres around the hand");
        }
        JsonNode signals = hand.get("signals");
        for (String strength : List.of("pinch", "grab")) {
            assertTrue(signals.get(strength).asDouble() >= 0 && signals.get(strength).asDouble() <= 1, strength);
        }
        for (String vector : List.of("palmImage", "palmWorld", "palmCamera", "palmNormal", "pointOrigin",
                "pointDirection", "palmVelocity")) {
            assertEquals(3, signals.get(vector).size(), vector);
        }
        assertTrue(signals.get("palmCamera").get(2).asDouble() > 0.1, "the palm is in front of the camera");
    }

    private static JsonNode detectedSignals(String media) throws Exception {
        Run run = run("detect", "--image", SHARED.resolve("testdata/media/" + media).toString(), "--num-hands", "1");
        assertEquals(0, run.exit(), run.err());
        JsonNode signals = JSON.readTree(run.out()).get("hands").get(0).get("signals");
        return signals;
    }

    @Test
    void grabTellsAnOpenHandFromAFist() throws Exception {
        double open = detectedSignals("hagrid_four_06aa70cc.jpg").get("grab").asDouble(); // 0.23 measured
        double call = detectedSignals("hagrid_call_0413d5c5.jpg").get("grab").asDouble(); // three fingers in: 0.62
        JsonNode fist = detectedSignals("gesture_thumb_up.jpg"); // 0.86
        assertTrue(open < 0.35, "four fingers up: " + open);
        assertTrue(call > open + 0.2 && call < fist.get("grab").asDouble(), "call " + call);
        assertTrue(fist.get("grab").asDouble() > 0.75, "thumb up, fingers in a fist: " + fist);
        assertEquals(0, fist.get("pinch").asDouble(), 0.05, "the thumb is away from the index tip");
    }

    @Test
    void detectPrintsOneJsonObjectWithBothHands() throws Exception {
        Run run = run("detect", "--image", SHARED.resolve("testdata/mediapipe/left_hands.jpg").toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, run.out().strip().lines().count(), "one JSON object on one line");
        JsonNode result = JSON.readTree(run.out());
        assertEquals(720, result.get("image").get("width").asInt());
        assertEquals(382, result.get("image").get("height").asInt());
        assertEquals(2, result.get("hands").size());
        for (JsonNode hand : result.get("hands")) {
            assertHandContract(hand);
            assertEquals("Left", hand.get("handedness").asText());
        }
        for (String stage : List.of("preprocess", "palm", "landmarks", "postprocess", "total")) {
            assertTrue(result.get("timingsMs").get(stage).asDouble() >= 0, stage);
        }
    }

    @Test
    void detectWithRoiRunsOnlyTheLandmarkModelThere() throws Exception {
        Run run = run("detect", "--image", SHARED.resolve("testdata/mediapipe/right_hands.jpg").toString(),
                "--roi", "0.75,0.5,0.5,1.0,0", "--model", "lite");
        assertEquals(0, run.exit(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(1, result.get("hands").size());
        JsonNode hand = result.get("hands").get(0);
        assertHandContract(hand);
        assertEquals("Right", hand.get("handedness").asText());
        assertEquals(0.0, result.get("timingsMs").get("palm").asDouble());
        // The wrist of the upright right hand (MediaPipe's golden: x 0.808, y 0.898).
        assertEquals(0.808, hand.get("landmarks").get(0).get(0).asDouble(), 0.03);
        assertEquals(0.898, hand.get("landmarks").get(0).get(1).asDouble(), 0.03);
    }

    @Test
    void meshWritesOneObjPerHandAndTheirJson(@TempDir Path dir) throws Exception {
        Run run = run("mesh", "--image", SHARED.resolve("testdata/media/woman_hands.jpg").toString(), "--out",
                dir.toString(), "--model", "lite");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = JSON.readTree(dir.resolve("hands.json").toFile());
        assertEquals(2, json.get("hands").size());
        for (JsonNode hand : json.get("hands")) {
            List<String> obj = Files.readAllLines(dir.resolve(hand.get("obj").asText()));
            assertEquals(778, obj.stream().filter(l -> l.startsWith("v ")).count());
            assertEquals(778, obj.stream().filter(l -> l.startsWith("vn ")).count());
            assertEquals(1538, obj.stream().filter(l -> l.startsWith("f ")).count());
            assertEquals(21, hand.get("joints").size());
            assertEquals(16, hand.get("rotations").size());
            assertEquals(hand.get("handedness").get("model").asText(), hand.get("handedness").get("geometric").asText());
            assertTrue(hand.get("reprojectionErrorPx").asDouble() < 10);
            assertTrue(hand.get("translation").get(2).asDouble() > 0.1, "in front of the camera");
        }
    }

    @Test
    void detectNamesTheGesture() throws Exception {
        Run run = run("detect", "--image", SHARED.resolve("testdata/media/gesture_thumb_up.jpg").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode hand = JSON.readTree(run.out()).get("hands").get(0);
        assertEquals("thumbs_up", hand.get("gesture").get("name").asText());
    }

    /** The world landmarks detect reports for the one hand in a photo. */
    private static float[] worldLandmarks(String photo) throws Exception {
        Run run = run("detect", "--image", SHARED.resolve("testdata/media").resolve(photo).toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode points = JSON.readTree(run.out()).get("hands").get(0).get("worldLandmarks");
        float[] world = new float[63];
        for (int i = 0; i < 63; i++) {
            world[i] = (float) points.get(i / 3).get(i % 3).asDouble();
        }
        return world;
    }

    @Test
    void detectRecognisesAGestureSetTaughtFromOtherPhotos(@TempDir Path dir) throws Exception {
        var taught = new dev.handscope.engine.gesture.UserGestures();
        taught.add("shaka", List.of(worldLandmarks("hagrid_call_0413d5c5.jpg"), worldLandmarks("hagrid_call_044768ad.jpg")));
        Path set = dir.resolve("set.json");
        dev.handscope.app.settings.GestureStore.write(taught, set);
        Run call = run("detect", "--gestures", set.toString(), "--image",
                SHARED.resolve("testdata/media/hagrid_call_0e022ee9.jpg").toString());
        assertEquals(0, call.exit(), call.err());
        assertEquals("shaka", JSON.readTree(call.out()).get("hands").get(0).get("gesture").get("name").asText());
        Run rock = run("detect", "--gestures", set.toString(), "--image",
                SHARED.resolve("testdata/media/hagrid_rock_026fd791.jpg").toString());
        assertEquals("rock", JSON.readTree(rock.out()).get("hands").get(0).get("gesture").get("name").asText());

        Files.writeString(set, "[]");
        Run broken = run("detect", "--gestures", set.toString(), "--image",
                SHARED.resolve("testdata/media/hagrid_call_0e022ee9.jpg").toString());
        assertEquals(1, broken.exit());
        assertTrue(broken.err().contains(set + " is not a usable gesture set: not a HandScope gesture set"), broken.err());
    }

    @Test
    void convertRefusesTheFolderHoldingItsInputAndKeepsIt(@TempDir Path dir) throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Path model = Files.copy(Path.of("../models/tflite/hand_landmark_lite.tflite"), work.resolve("m.tflite"));
        Run run = run("convert", model.toString(), work.toString());
        assertEquals(1, run.exit());
        assertEquals("handscope convert: " + work + ": holds the input model m.tflite; converting into it would "
                + "delete it. Choose a new or empty folder.", run.err().strip());
        assertEquals(List.of(model), Files.list(work).toList());
    }

    @Test
    void convertNamesACorruptModelWithoutAStackTrace(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("../models/tflite/hand_landmark_lite.tflite"));
        Path corrupt = Files.write(dir.resolve("corrupt.tflite"), java.util.Arrays.copyOf(bytes, 8192));
        Run run = run("convert", corrupt.toString(), dir.resolve("out").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("handscope convert: " + corrupt + ": not a valid TFLite model"),
                run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void unreadableImageIsNamed(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jpg");
        Files.write(broken, new byte[] {1, 2, 3});
        Run run = run("detect", "--image", broken.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains(broken + ": not a readable image"), run.err());
    }

    @Test
    void trackWritesOneFlushedLinePerFrame(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.jsonl");
        Run run = run("track", "--video", SHARED.resolve("testdata/media/hand_landmarker_test_video.mp4").toString(),
                "--out", out.toString(), "--model", "lite");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.size() > 190, lines.size() + " lines");
        double lastTime = -1;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode frame = JSON.readTree(lines.get(i));
            assertEquals(i, frame.get("frame").asInt());
            assertTrue(frame.get("timestampMs").asDouble() > lastTime);
            lastTime = frame.get("timestampMs").asDouble();
            assertEquals(640, frame.get("image").get("width").asInt());
            frame.get("hands").forEach(HandCommandsTest::assertHandContract);
        }
        assertEquals(1, JSON.readTree(lines.get(lines.size() / 2)).get("hands").size());
    }

    @Test
    void benchEndsWithOneJsonLineOfItsFigures() throws Exception {
        Run run = run("bench", "--video", SHARED.resolve("testdata/media/hand_landmarker_test_video.mp4").toString(),
                "--frames", "3", "--model", "lite");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        JsonNode bench = JSON.readTree(lines.get(lines.size() - 1));
        assertEquals(3, bench.get("frames").asInt());
        assertEquals("lite", bench.get("model").asText());
        assertEquals(2, bench.get("numHands").asInt());
        for (String stage : List.of("decode", "preprocess", "palm", "landmarks", "postprocess", "mesh", "total",
                "totalDetectorFrames", "meshPerHand")) {
            JsonNode stats = bench.get("stages").get(stage);
            for (String field : List.of("medianMs", "p95Ms", "maxMs", "count")) {
                assertTrue(stats.get(field).isNumber(), stage + "." + field);
            }
        }
        for (String field : List.of("fps", "detectorRunsPer100", "jitterRawPx", "jitterSmoothedPx")) {
            assertTrue(bench.get(field).isNumber(), field);
        }
        assertTrue(bench.get("fps").asDouble() > 0);
        assertTrue(bench.get("runtime").asText().startsWith("ONNX Runtime "), bench.get("runtime").asText());
    }
}
