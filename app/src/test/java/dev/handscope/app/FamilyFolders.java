package dev.handscope.app;

import dev.handscope.engine.testmodels.ConstantModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Model folders of other families (SavedModel + handscope-model/2 manifest) whose outputs are known,
 * for the command line and window tests: a YOLO-pose model with two hands, heatmap models with
 * chosen peaks. Inputs are 64 x 64; the tests run them on woman_hands.jpg (640 x 960).
 */
public final class FamilyFolders {
    public static final int SIDE = 64;

    private FamilyFolders() {
    }

    public static void manifest(Path dir, String kind, String outputs, String fields) throws Exception {
        Files.writeString(dir.resolve("model.json"), """
                {"format": "handscope-model/2", "name": "test", "kind": "%s", "signature": "serving_default",
                 "input": {"name": "image", "shape": [1, %d, %d, 3], "dtype": "float32"},
                 "outputs": [%s]%s}
                """.formatted(kind, SIDE, SIDE, outputs, fields));
    }

    /** Keypoint i of candidate c, in input pixels. */
    public static float keypointX(int c, int i) {
        return c == 0 ? 15 + 0.4f * i : 41 + 0.3f * i;
    }

    public static float keypointY(int c, int i) {
        return c == 0 ? 14 + 0.5f * i : 36 + 0.4f * i;
    }

    /** Candidate c's box: cx, cy, w, h, score, in input pixels. */
    public static final float[][] BOXES = {{20, 20, 10, 12, 0.9f}, {45, 40, 8, 10, 0.8f}};

    /** A yolo-pose folder with two hands, boxes and keypoints as above, in Ultralytics' [1, values, N] layout. */
    public static Path yoloFolder(Path dir) throws Exception {
        int values = 4 + 1 + 3 * 21;
        int candidates = 2;
        float[] out = new float[values * candidates];
        for (int c = 0; c < candidates; c++) {
            for (int v = 0; v < 5; v++) {
                out[v * candidates + c] = BOXES[c][v];
            }
            for (int i = 0; i < 21; i++) {
                out[(5 + 3 * i) * candidates + c] = keypointX(c, i);
                out[(6 + 3 * i) * candidates + c] = keypointY(c, i);
                out[(7 + 3 * i) * candidates + c] = 0.9f;
            }
        }
        Files.createDirectories(dir);
        ConstantModels.export(dir, "image", SIDE, SIDE,
                Map.of("output0", new ConstantModels.Output(new long[] {1, values, candidates}, out)));
        manifest(dir, "yolo-pose", "{\"name\": \"output0\", \"shape\": [1, " + values + ", 2], \"dtype\": \"float32\"}",
                ", \"classes\": [\"hand\"], \"coordinates\": \"pixels\"");
        return dir;
    }

    /** Input pixel x of the letterboxed 640 x 960 image as an image-normalised x, and y likewise. */
    public static double imageX(double x) {
        double scale = Math.min(SIDE / 640.0, SIDE / 960.0);
        return (x - (SIDE - 640 * scale) / 2) / scale / 640;
    }

    public static double imageY(double y) {
        return y / Math.min(SIDE / 640.0, SIDE / 960.0) / 960;
    }

    /** A heatmap folder whose 21 maps each peak on cell (px(k), py(k)) of 16 x 16. */
    public static Path heatmapFolder(Path dir, java.util.function.IntUnaryOperator px,
                                      java.util.function.IntUnaryOperator py, String fields) throws Exception {
        int cells = 16;
        float[] maps = new float[cells * cells * 21];
        for (int k = 0; k < 21; k++) {
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    int dx = x - px.applyAsInt(k);
                    int dy = y - py.applyAsInt(k);
                    maps[(y * cells + x) * 21 + k] = (float) Math.exp(-(dx * dx + dy * dy) / 2.0);
                }
            }
        }
        Files.createDirectories(dir);
        ConstantModels.export(dir, SIDE, Map.of("heatmaps", new ConstantModels.Output(
                new long[] {1, cells, cells, 21}, maps)));
        manifest(dir, "heatmap", "{\"name\": \"heatmaps\", \"shape\": [1, 16, 16, 21], \"dtype\": \"float32\"}",
                fields);
        return dir;
    }

    /** Where the hand-mesh folder's two meshes sit in camera space (metres): a right hand, then a left. */
    public static final float[] RIGHT_AT = {0.05f, 0.02f, 0.6f};
    public static final float[] LEFT_AT = {-0.1f, 0.01f, 0.7f};

    /**
     * A hand-mesh folder (160 x 128 input): the bundled right template at {@link #RIGHT_AT} and its
     * mirror (a left hand in MANO order) at {@link #LEFT_AT}, no handedness output.
     */
    public static Path handMeshFolder(Path dir) throws Exception {
        var right = dev.handscope.engine.mesh.HandTemplateFile.bundled();
        var outputs = new dev.handscope.engine.family.mesh.MeshOutputs()
                .add(20, 20, 60, 70, 0.9f, right.vertices(), RIGHT_AT, 0.5f)
                .add(100, 30, 140, 80, 0.8f, right.mirrored().vertices(), LEFT_AT, 0.5f)
                .model(false);
        Files.createDirectories(dir);
        ConstantModels.export(dir, "image", dev.handscope.engine.family.mesh.MeshOutputs.HEIGHT,
                dev.handscope.engine.family.mesh.MeshOutputs.WIDTH, outputs);
        StringBuilder specs = new StringBuilder();
        for (var output : outputs.entrySet()) {
            specs.append(specs.length() == 0 ? "" : ", ").append("{\"name\": \"").append(output.getKey())
                    .append("\", \"shape\": ").append(java.util.Arrays.toString(output.getValue().shape()))
                    .append(", \"dtype\": \"float32\"}");
        }
        Files.writeString(dir.resolve("model.json"), """
                {"format": "handscope-model/2", "name": "mesh", "kind": "hand-mesh", "signature": "serving_default",
                 "input": {"name": "image", "shape": [1, 128, 160, 3], "dtype": "float32"},
                 "outputs": [%s]}
                """.formatted(specs));
        return dir;
    }
}
