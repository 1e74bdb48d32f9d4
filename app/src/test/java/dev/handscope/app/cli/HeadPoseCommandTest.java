package dev.handscope.app.cli;

import static dev.handscope.app.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** detect --head-pose: the face beside the hands, with both head poses, in the one JSON line. */
class HeadPoseCommandTest {
    private static final Path SHARED = Path.of(System.getProperty("handscope.shared", "../../shared"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void womanHandsHasTwoHandsAndOneFaceWithItsPose() throws Exception {
        CommandRun detect = run("detect", "--image", SHARED.resolve("testdata/media/woman_hands.jpg").toString(),
                "--head-pose", "--device", "cpu");
        assertEquals(0, detect.exit(), detect.err());
        JsonNode line = JSON.readTree(detect.out());
        assertEquals(2, line.get("hands").size());
        assertEquals(1, line.get("faces").size());
        JsonNode face = line.get("faces").get(0);
        assertEquals(468, face.get("landmarks").size());
        for (String method : new String[] {"pose", "pnpPose"}) {
            JsonNode pose = face.get(method);
            assertEquals(4, pose.get("quaternion").size(), method);
            double depth = pose.get("translation").get(2).asDouble();
            assertTrue(depth > 0.2 && depth < 2, method + ": the face is half a metre or so away, got " + depth);
            assertTrue(Math.abs(pose.get("yaw").asDouble()) < 45, method + ": a face towards the camera");
        }
        assertTrue(line.get("timingsMs").has("faces"), "the face stage's time");

        CommandRun handsOnly = run("detect", "--image", SHARED.resolve("testdata/media/woman_hands.jpg").toString(),
                "--device", "cpu");
        assertFalse(JSON.readTree(handsOnly.out()).has("faces"), "no faces unless asked for");
        CommandRun tooMany = run("detect", "--image", "x.jpg", "--faces", "9");
        assertEquals(2, tooMany.exit());
        assertTrue(tooMany.err().contains("--faces"), tooMany.err());
    }

    /** Face models that do not load: a warning naming their folder, and the hands all the same. */
    @Test
    void aBrokenFaceModelFolderLeavesTheHandsTracked(@TempDir Path temp) throws Exception {
        Path detector = Files.createDirectories(temp.resolve("face_detection_short_range"));
        Files.writeString(detector.resolve("saved_model.pb"), "garbage, not a protobuf");
        CommandRun detect = run("detect", "--image", SHARED.resolve("testdata/media/woman_hands.jpg").toString(),
                "--head-pose", "--face-models", temp.toString(), "--device", "cpu");
        assertEquals(0, detect.exit(), detect.err());
        assertEquals(2, JSON.readTree(detect.out()).get("hands").size());
        assertTrue(detect.err().startsWith("handscope: Head pose is off: " + detector.resolve("saved_model.pb")
                + ": malformed or truncated"), detect.err());
        assertTrue(detect.err().contains("--face-models " + temp) && detect.err().contains("(hands are tracked"
                + " without faces)"), detect.err());
    }
}
