package dev.handscope.app.cli;

import static dev.handscope.app.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.app.FamilyFolders;
import dev.handscope.engine.testmodels.ConstantModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * detect with a model folder of another family, end to end through the manifest: models whose
 * outputs are known by construction, so the hands must come back exactly where they were encoded.
 */
class ModelFamiliesCommandTest {
    private static final Path SHARED = Path.of(System.getProperty("handscope.shared", "../../shared"));
    /** 640 x 960. */
    private static final String IMAGE = SHARED.resolve("testdata/media/woman_hands.jpg").toString();
    private static final ObjectMapper JSON = new ObjectMapper();


    @Test
    void yoloPoseHandsComeBackWhereTheirCandidatesWereEncoded(@TempDir Path dir) throws Exception {
        FamilyFolders.yoloFolder(dir);
        CommandRun detect = run("detect", "--image", IMAGE, "--model", dir.toString(), "--device", "cpu");
        assertEquals(0, detect.exit(), detect.err());
        JsonNode hands = JSON.readTree(detect.out()).get("hands");
        assertEquals(2, hands.size());
        for (int c = 0; c < 2; c++) { // letterbox: the image fits the input, centred
            JsonNode landmarks = hands.get(c).get("landmarks");
            for (int i : new int[] {0, 9, 20}) {
                assertEquals(FamilyFolders.imageX(FamilyFolders.keypointX(c, i)), landmarks.get(i).get(0).asDouble(), 1e-4,
                        "hand " + c + " landmark " + i + " x");
                assertEquals(FamilyFolders.imageY(FamilyFolders.keypointY(c, i)), landmarks.get(i).get(1).asDouble(), 1e-4,
                        "hand " + c + " landmark " + i + " y");
            }
        }
    }

    @Test
    void aHeatmapModelOnAGivenRegionPutsEachKeypointAtItsPeak(@TempDir Path dir) throws Exception {
        FamilyFolders.heatmapFolder(dir, k -> 2 + (k % 7) * 2, k -> 2 + (k / 7) * 5,
                ", \"cropScale\": 1.0, \"rotate\": false, \"decode\": \"argmax+quarter\"");
        // A 192-pixel square crop (0.3 of the width, 0.2 of the height) at (0.5, 0.4): cell (x, y) is input
        // pixel (4x, 4y), i.e. x/16 and y/16 across the crop.
        CommandRun detect = run("detect", "--image", IMAGE, "--model", dir.toString(), "--roi", "0.5,0.4,0.3,0.2,0",
                "--device", "cpu");
        assertEquals(0, detect.exit(), detect.err());
        JsonNode hand = JSON.readTree(detect.out()).get("hands").get(0);
        for (int k = 0; k < 21; k++) {
            double x = 0.5 + ((2 + (k % 7) * 2) / 16.0 - 0.5) * 0.3;
            double y = 0.4 + ((2 + (k / 7) * 5) / 16.0 - 0.5) * 0.2;
            assertEquals(x, hand.get("landmarks").get(k).get(0).asDouble(), 1e-3, "keypoint " + k + " x");
            assertEquals(y, hand.get("landmarks").get(k).get(1).asDouble(), 1e-3, "keypoint " + k + " y");
        }
        assertEquals(1.0, hand.get("presence").asDouble(), 1e-3, "presence: the mean peak value");
    }

    @Test
    void aHeatmapModelLooksWhereAnotherFamilysDetectorFoundTheHands(@TempDir Path dir) throws Exception {
        // Every map peaks on the centre cell: each hand's landmarks are the centre of its crop, the yolo box's.
        Path heatmap = FamilyFolders.heatmapFolder(dir.resolve("heatmap"), k -> 8, k -> 8, ", \"rotate\": false");
        Path yolo = FamilyFolders.yoloFolder(dir.resolve("yolo"));
        CommandRun detect = run("detect", "--image", IMAGE, "--model", heatmap.toString(), "--detector", yolo.toString(),
                "--device", "cpu");
        assertEquals(0, detect.exit(), detect.err());
        JsonNode hands = JSON.readTree(detect.out()).get("hands");
        assertEquals(2, hands.size());
        for (int c = 0; c < 2; c++) {
            JsonNode wrist = hands.get(c).get("landmarks").get(0);
            assertEquals(FamilyFolders.imageX(FamilyFolders.BOXES[c][0]), wrist.get(0).asDouble(), 1e-3, "hand " + c + " x: its box's centre");
            assertEquals(FamilyFolders.imageY(FamilyFolders.BOXES[c][1]), wrist.get(1).asDouble(), 1e-3, "hand " + c + " y: its box's centre");
        }
        CommandRun notADetector = run("detect", "--image", IMAGE, "--model", heatmap.toString(), "--detector",
                heatmap.toString());
        assertEquals(1, notADetector.exit());
        assertTrue(notADetector.err().contains("--detector takes a palm-detector, yolo-pose or hand-mesh model"),
                notADetector.err());
    }

    @Test
    void aHandMeshModelsMeshesAreTrackedAndSavedAsPredictedWithHandednessFromTheirNormals(@TempDir Path dir)
            throws Exception {
        Path folder = FamilyFolders.handMeshFolder(dir.resolve("mesh"));
        CommandRun detect = run("detect", "--image", IMAGE, "--model", folder.toString(), "--device", "cpu");
        assertEquals(0, detect.exit(), detect.err());
        JsonNode hands = JSON.readTree(detect.out()).get("hands");
        assertEquals(2, hands.size());
        assertEquals("Right", hands.get(0).get("handedness").asText(), "the template itself: a right hand");
        assertEquals("Left", hands.get(1).get("handedness").asText(), "its mirror: a left hand");

        Path out = dir.resolve("out");
        CommandRun mesh = run("mesh", "--image", IMAGE, "--model", folder.toString(), "--out", out.toString(),
                "--device", "cpu");
        assertEquals(0, mesh.exit(), mesh.err());
        float[] template = dev.handscope.engine.mesh.HandTemplateFile.bundled().vertices();
        java.util.List<String> vertices = Files.readAllLines(out.resolve("hand-0.obj")).stream()
                .filter(line -> line.startsWith("v ")).toList();
        assertEquals(778, vertices.size());
        String[] first = vertices.get(0).split(" ");
        for (int axis = 0; axis < 3; axis++) {
            assertEquals(template[axis] + FamilyFolders.RIGHT_AT[axis], Double.parseDouble(first[axis + 1]), 1e-4,
                    "the saved mesh is the predicted one, not a fit (axis " + axis + ")");
        }
    }

    @Test
    void convertWritesTheFamilysManifestAndRefusesFieldsItDoesNotKnowBeforeConverting(@TempDir Path dir)
            throws Exception {
        String tflite = Path.of("../models/tflite/hand_landmark_lite.tflite").toString();
        Path out = dir.resolve("as-heatmap");
        CommandRun unknown = run("convert", tflite, out.toString(), "--kind", "heatmap", "--field", "cropscale=1.5");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown field 'cropscale'") && unknown.err().contains("cropScale"),
                unknown.err());
        CommandRun wrongType = run("convert", tflite, out.toString(), "--kind", "yolo-pose", "--field", "classes={\"a\": 1}");
        assertEquals(2, wrongType.exit());
        assertTrue(wrongType.err().contains("classes"), wrongType.err());
        CommandRun noKind = run("convert", tflite, out.toString(), "--field", "decode=dark");
        assertEquals(2, noKind.exit());
        assertTrue(noKind.err().contains("--field needs --kind"), noKind.err());
        assertTrue(!Files.exists(out), "nothing converted while the options were wrong");

        CommandRun converted = run("convert", tflite, out.toString(), "--kind", "heatmap", "--field", "decode=dark",
                "--field", "cropScale=1.5", "--field", "keypoints=[" + "0,".repeat(20) + "0]");
        assertEquals(0, converted.exit(), converted.err());
        JsonNode manifest = JSON.readTree(Files.readString(out.resolve("model.json")));
        assertEquals("handscope-model/2", manifest.get("format").asText());
        assertEquals("heatmap", manifest.get("kind").asText());
        assertEquals("dark", manifest.get("decode").asText());
        assertEquals(1.5, manifest.get("cropScale").asDouble());
        // The landmark model is no heatmap model: detect refuses it by its manifest, naming what does not fit.
        CommandRun refused = run("detect", "--image", IMAGE, "--model", out.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains(out.resolve("model.json").toString()), refused.err());
    }

    @Test
    void aManifestThatDoesNotFitItsModelIsRefusedWithTheFileAndTheField(@TempDir Path dir) throws Exception {
        ConstantModels.export(dir, FamilyFolders.SIDE, Map.of("heatmaps", new ConstantModels.Output(
                new long[] {1, 16, 16, 21}, new float[16 * 16 * 21])));
        FamilyFolders.manifest(dir, "heatmap", "{\"name\": \"heatmaps\", \"shape\": [1, 16, 16, 21], \"dtype\": \"float32\"}",
                ", \"decode\": \"median\"");
        CommandRun bad = run("detect", "--image", IMAGE, "--model", dir.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains(dir.resolve("model.json").toString()) && bad.err().contains("decode")
                && bad.err().contains("median"), bad.err());
        FamilyFolders.manifest(dir, "yolo-pose", "{\"name\": \"heatmaps\", \"shape\": [1, 16, 16, 21], \"dtype\": \"float32\"}", "");
        CommandRun wrongFamily = run("detect", "--image", IMAGE, "--model", dir.toString());
        assertEquals(1, wrongFamily.exit());
        assertTrue(wrongFamily.err().contains("outputs[0].shape") && wrongFamily.err().contains("[1, 16, 16, 21]"),
                wrongFamily.err());
    }
}
