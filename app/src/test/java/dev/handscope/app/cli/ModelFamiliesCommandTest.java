package dev.handscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.app.Main;
import dev.handscope.engine.testmodels.ConstantModels;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    private static final int SIDE = 64;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static void manifest(Path dir, String kind, String outputs, String fields) throws Exception {
        Files.writeString(dir.resolve("model.json"), """
                {"format": "handscope-model/2", "name": "test", "kind": "%s", "signature": "serving_default",
                 "input": {"name": "image", "shape": [1, %d, %d, 3], "dtype": "float32"},
                 "outputs": [%s]%s}
                """.formatted(kind, SIDE, SIDE, outputs, fields));
    }

    /** Keypoint i of candidate c, in input pixels. */
    private static float keypointX(int c, int i) {
        return c == 0 ? 15 + 0.4f * i : 41 + 0.3f * i;
    }

    private static float keypointY(int c, int i) {
        return c == 0 ? 14 + 0.5f * i : 36 + 0.4f * i;
    }

    @Test
    void yoloPoseHandsComeBackWhereTheirCandidatesWereEncoded(@TempDir Path dir) throws Exception {
        int values = 4 + 1 + 3 * 21;
        int candidates = 2;
        float[] out = new float[values * candidates]; // [1, values, candidates]: Ultralytics' layout
        float[][] boxes = {{20, 20, 10, 12, 0.9f}, {45, 40, 8, 10, 0.8f}};
        for (int c = 0; c < candidates; c++) {
            for (int v = 0; v < 5; v++) {
                out[v * candidates + c] = boxes[c][v];
            }
            for (int i = 0; i < 21; i++) {
                out[(5 + 3 * i) * candidates + c] = keypointX(c, i);
                out[(6 + 3 * i) * candidates + c] = keypointY(c, i);
                out[(7 + 3 * i) * candidates + c] = 0.9f;
            }
        }
        ConstantModels.export(dir, "image", SIDE, SIDE,
                Map.of("output0", new ConstantModels.Output(new long[] {1, values, candidates}, out)));
        manifest(dir, "yolo-pose", "{\"name\": \"output0\", \"shape\": [1, " + values + ", 2], \"dtype\": \"float32\"}",
                ", \"classes\": [\"hand\"], \"coordinates\": \"pixels\"");

        Run detect = run("detect", "--image", IMAGE, "--model", dir.toString(), "--device", "cpu");
        assertEquals(0, detect.exit(), detect.err());
        JsonNode hands = JSON.readTree(detect.out()).get("hands");
        assertEquals(2, hands.size());
        double scale = Math.min(SIDE / 640.0, SIDE / 960.0); // letterbox: the image fits the input, centred
        double padX = (SIDE - 640 * scale) / 2;
        for (int c = 0; c < 2; c++) {
            JsonNode landmarks = hands.get(c).get("landmarks");
            for (int i : new int[] {0, 9, 20}) {
                assertEquals((keypointX(c, i) - padX) / scale / 640, landmarks.get(i).get(0).asDouble(), 1e-4,
                        "hand " + c + " landmark " + i + " x");
                assertEquals(keypointY(c, i) / scale / 960, landmarks.get(i).get(1).asDouble(), 1e-4,
                        "hand " + c + " landmark " + i + " y");
            }
        }
    }

    @Test
    void aHeatmapModelOnAGivenRegionPutsEachKeypointAtItsPeak(@TempDir Path dir) throws Exception {
        int cells = 16;
        float[] maps = new float[cells * cells * 21]; // NHWC: one Gaussian a keypoint, centred on a cell
        for (int k = 0; k < 21; k++) {
            int px = 2 + (k % 7) * 2;
            int py = 2 + (k / 7) * 5;
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    maps[(y * cells + x) * 21 + k] = (float) Math.exp(-((x - px) * (x - px) + (y - py) * (y - py)) / 2.0);
                }
            }
        }
        ConstantModels.export(dir, SIDE, Map.of("heatmaps", new ConstantModels.Output(
                new long[] {1, cells, cells, 21}, maps)));
        manifest(dir, "heatmap", "{\"name\": \"heatmaps\", \"shape\": [1, 16, 16, 21], \"dtype\": \"float32\"}",
                ", \"cropScale\": 1.0, \"rotate\": false, \"decode\": \"argmax+quarter\"");
        // A 192-pixel square crop (0.3 of the width, 0.2 of the height) at (0.5, 0.4): cell (x, y) is input
        // pixel (4x, 4y), i.e. x/16 and y/16 across the crop.
        Run detect = run("detect", "--image", IMAGE, "--model", dir.toString(), "--roi", "0.5,0.4,0.3,0.2,0",
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
    void aManifestThatDoesNotFitItsModelIsRefusedWithTheFileAndTheField(@TempDir Path dir) throws Exception {
        ConstantModels.export(dir, SIDE, Map.of("heatmaps", new ConstantModels.Output(
                new long[] {1, 16, 16, 21}, new float[16 * 16 * 21])));
        manifest(dir, "heatmap", "{\"name\": \"heatmaps\", \"shape\": [1, 16, 16, 21], \"dtype\": \"float32\"}",
                ", \"decode\": \"median\"");
        Run bad = run("detect", "--image", IMAGE, "--model", dir.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains(dir.resolve("model.json").toString()) && bad.err().contains("decode")
                && bad.err().contains("median"), bad.err());
        manifest(dir, "yolo-pose", "{\"name\": \"heatmaps\", \"shape\": [1, 16, 16, 21], \"dtype\": \"float32\"}", "");
        Run wrongFamily = run("detect", "--image", IMAGE, "--model", dir.toString());
        assertEquals(1, wrongFamily.exit());
        assertTrue(wrongFamily.err().contains("outputs[0].shape") && wrongFamily.err().contains("[1, 16, 16, 21]"),
                wrongFamily.err());
    }
}
