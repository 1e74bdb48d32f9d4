package dev.handscope.engine.mesh.mano;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandSkeleton;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateGenerator;
import dev.handscope.engine.mesh.MeshFitter;
import dev.handscope.engine.mesh.Skinning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MANO pickles written by the test in the official files' structure and types (never real MANO data). */
class ManoLoaderTest {

    /** A small MANO-shaped model: 4 vertices, 2 faces, 2 joints, 3 shape and 9 pose blend shapes. */
    private static Map<String, Object> small() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v_template", new PickleWriter.Array(new int[] {4, 3}, new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, "f8"));
        m.put("f", new PickleWriter.Array(new int[] {2, 3}, new double[] {0, 1, 2, 0, 2, 3}, "u4"));
        m.put("weights", new PickleWriter.Array(new int[] {4, 2}, new double[] {1, 0, 0.5, 0.5, 0, 1, 0, 1}, "f8"));
        m.put("kintree_table", new PickleWriter.Array(new int[] {2, 2}, new double[] {4294967295.0, 0, 0, 1}, "i8"));
        // J_regressor 2x4 in CSC: joint 0 = mean of vertices 0 and 1, joint 1 = vertex 3.
        m.put("J_regressor", new PickleWriter.Sparse(2, 4, new double[] {0.5, 0.5, 1.0}, new int[] {0, 0, 1},
                new int[] {0, 1, 2, 2, 3}));
        double[] shapes = new double[4 * 3 * 3];
        Arrays.setAll(shapes, i -> i / 100.0);
        m.put("shapedirs", new PickleWriter.Chumpy(new PickleWriter.Array(new int[] {4, 3, 3}, shapes, "f8")));
        m.put("posedirs", new PickleWriter.Array(new int[] {4, 3, 9}, new double[4 * 3 * 9], "f8"));
        m.put("bs_type", 0);
        return m;
    }

    @Test
    void readsTheStructureOfMANOsPickles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("MANO_RIGHT.pkl");
        Files.write(file, PickleWriter.dict(small()));
        ManoModel model = ManoLoader.load(file);
        assertEquals(4, model.vertexCount());
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, model.template());
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, model.faces());
        assertArrayEquals(new int[] {-1, 0}, model.parents());
        assertArrayEquals(new double[] {0.5, 0, 0, 0, 0, 1}, model.restJoints(), 1e-12);
        assertEquals(3, model.shapeCount());
        assertEquals(0.35, model.shapeDirs()[35], 1e-12, "chumpy shapedirs unwrapped");
        assertEquals(9, model.poseCount());
        IllegalStateException notAHand = assertThrows(IllegalStateException.class, model::toHandTemplate);
        assertTrue(notAHand.getMessage().contains("778 vertices"), notAHand.getMessage());
    }

    @Test
    void brokenFilesNameTheFileAndTheEntry(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("MANO_LEFT.pkl");
        assertTrue(assertThrows(IOException.class, () -> ManoLoader.load(missing)).getMessage().startsWith(missing + ": missing"));

        Path truncated = dir.resolve("truncated.pkl");
        byte[] whole = PickleWriter.dict(small());
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        assertTrue(assertThrows(IOException.class, () -> ManoLoader.load(truncated)).getMessage()
                .startsWith(truncated + ": not a readable MANO pickle"));

        Map<String, Object> noWeights = small();
        noWeights.remove("weights");
        Path incomplete = dir.resolve("incomplete.pkl");
        Files.write(incomplete, PickleWriter.dict(noWeights));
        IOException error = assertThrows(IOException.class, () -> ManoLoader.load(incomplete));
        assertTrue(error.getMessage().contains("entry 'weights' is missing"), error.getMessage());

        IOException folder = assertThrows(IOException.class, () -> ManoLoader.loadPair(dir.resolve("nowhere")));
        assertTrue(folder.getMessage().contains("no such folder"), folder.getMessage());
    }

    /** What loading a pickle with these entries says (it must fail with an IOException). */
    private static String loadError(Path dir, Map<String, Object> entries) throws IOException {
        Path file = dir.resolve("MANO_RIGHT.pkl");
        Files.write(file, PickleWriter.dict(entries));
        return assertThrows(IOException.class, () -> ManoLoader.load(file)).getMessage();
    }

    @Test
    void everyArrayIsCheckedAtLoad(@TempDir Path dir) throws Exception {
        Map<String, Object> noVertices = small();
        noVertices.put("v_template", new PickleWriter.Array(new int[] {0, 3}, new double[0], "f8"));
        String empty = loadError(dir, noVertices);
        assertTrue(empty.startsWith(dir.resolve("MANO_RIGHT.pkl") + ": entry 'v_template'"), empty);
        assertTrue(empty.contains("no values"), empty);

        Map<String, Object> faceOutOfRange = small();
        faceOutOfRange.put("f", new PickleWriter.Array(new int[] {2, 3}, new double[] {0, 1, 2, 0, 2, 900}, "u4"));
        String faces = loadError(dir, faceOutOfRange);
        assertTrue(faces.contains("entry 'f'") && faces.contains("900") && faces.contains("0 to 3"), faces);

        Map<String, Object> nanTemplate = small();
        nanTemplate.put("v_template", new PickleWriter.Array(new int[] {4, 3},
                new double[] {0, 0, 0, Double.NaN, 0, 0, 0, 1, 0, 0, 0, 1}, "f8"));
        String nan = loadError(dir, nanTemplate);
        assertTrue(nan.contains("entry 'v_template'") && nan.contains("NaN"), nan);

        Map<String, Object> badShapes = small();
        badShapes.put("shapedirs", new PickleWriter.Array(new int[] {3, 3, 3}, new double[27], "f8"));
        String shapes = loadError(dir, badShapes);
        assertTrue(shapes.contains("entry 'shapedirs'") && shapes.contains("[3, 3, 3]"), shapes);

        Map<String, Object> badRegressor = small();
        badRegressor.put("J_regressor", new PickleWriter.Sparse(2, 4, new double[] {0.5, Double.POSITIVE_INFINITY, 1.0},
                new int[] {0, 0, 1}, new int[] {0, 1, 2, 2, 3}));
        String regressor = loadError(dir, badRegressor);
        assertTrue(regressor.contains("entry 'J_regressor'") && regressor.contains("Infinity"), regressor);

        Map<String, Object> regressorOutOfRange = small();
        regressorOutOfRange.put("J_regressor", new PickleWriter.Sparse(2, 4, new double[] {0.5, 0.5, 1.0},
                new int[] {0, 7, 1}, new int[] {0, 1, 2, 2, 3}));
        String rows = loadError(dir, regressorOutOfRange);
        assertTrue(rows.contains("entry 'J_regressor'") && rows.contains("7"), rows);
    }

    /** A hand whose every vertex is at one point is finite but cannot be fitted: refused at load. */
    @Test
    void aDegenerateHandIsRefusedAtLoad(@TempDir Path dir) throws Exception {
        HandTemplate ours = HandTemplateGenerator.generate();
        Map<String, Object> collapsed = fullSize(ours);
        collapsed.put("v_template", new PickleWriter.Array(new int[] {778, 3}, new double[778 * 3], "f8"));
        Files.write(dir.resolve(ManoLoader.RIGHT_FILE), PickleWriter.dict(collapsed));
        Files.write(dir.resolve(ManoLoader.LEFT_FILE), PickleWriter.dict(fullSize(ours.mirrored())));
        IOException error = assertThrows(IOException.class, () -> ManoLoader.loadPair(dir));
        assertTrue(error.getMessage().startsWith(dir.resolve(ManoLoader.RIGHT_FILE) + ": "), error.getMessage());
        assertTrue(error.getMessage().contains("degenerate"), error.getMessage());
    }

    @Test
    void unknownPickledClassesAreNamedWithoutTheLibrarysAdvice(@TempDir Path dir) throws Exception {
        Map<String, Object> odd = small();
        odd.put("weights", new PickleWriter.Unknown("sklearn.tree", "Tree"));
        String message = loadError(dir, odd);
        assertTrue(message.contains("not a readable MANO pickle"), message);
        assertTrue(!message.contains("IObjectConstructor") && !message.contains("Fix it"), message);
    }

    /** A full-size MANO-structured pair (built from our own template) loads and drives the same fitting. */
    @Test
    void fullSizeModelBecomesATemplateTheFitterDrives(@TempDir Path dir) throws Exception {
        HandTemplate ours = HandTemplateGenerator.generate();
        for (String name : List.of(ManoLoader.RIGHT_FILE, ManoLoader.LEFT_FILE)) {
            HandTemplate side = name.equals(ManoLoader.RIGHT_FILE) ? ours : ours.mirrored();
            Files.write(dir.resolve(name), PickleWriter.dict(fullSize(side)));
        }
        HandTemplate[] pair = ManoLoader.loadPair(dir);
        HandTemplate right = pair[0];
        assertEquals(778, right.vertexCount());
        assertEquals(1538, right.faceCount());
        assertArrayEquals(new int[] {745, 317, 444, 556, 673}, right.tips());
        MeshFitter fitter = new MeshFitter(right);
        float[] rest = fitter.restPoints();
        HandPose pose = fitter.fit(rest, HandPose.rest());
        float[] again = fitter.posedPoints(new Skinning(right).pose(pose, fitter.shapedJoints()), new float[63]);
        for (int i = 0; i < 63; i++) {
            assertEquals(rest[i], again[i], 1e-4, "the fitter reproduces the model's own rest skeleton");
        }
        assertTrue(pair[1].vertices()[3 * 100] == -right.vertices()[3 * 100], "left file read as its own model");
    }

    /** Our template in MANO's pickle structure: each joint regressed from its nearest vertices. */
    static Map<String, Object> fullSize(HandTemplate t) {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] v = new double[t.vertices().length];
        Arrays.setAll(v, i -> t.vertices()[i]);
        m.put("v_template", new PickleWriter.Array(new int[] {778, 3}, v, "f8"));
        double[] f = new double[t.faces().length];
        Arrays.setAll(f, i -> t.faces()[i]);
        m.put("f", new PickleWriter.Array(new int[] {1538, 3}, f, "u4"));
        double[] w = new double[t.weights().length];
        Arrays.setAll(w, i -> t.weights()[i]);
        m.put("weights", new PickleWriter.Array(new int[] {778, 16}, w, "f8"));
        double[] tree = new double[32];
        for (int j = 0; j < 16; j++) {
            tree[j] = HandSkeleton.PARENTS[j] < 0 ? 4294967295.0 : HandSkeleton.PARENTS[j];
            tree[16 + j] = j;
        }
        m.put("kintree_table", new PickleWriter.Array(new int[] {2, 16}, tree, "i8"));
        // Sparse regressor, column-major: per vertex, the joints it contributes to.
        List<List<double[]>> byVertex = new ArrayList<>();
        for (int k = 0; k < 778; k++) {
            byVertex.add(new ArrayList<>());
        }
        for (int j = 0; j < 16; j++) {
            int[] nearest = nearestVertices(t, j, 4);
            for (int k : nearest) {
                byVertex.get(k).add(new double[] {j, 0.25});
            }
        }
        List<Double> data = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        int[] pointers = new int[779];
        for (int k = 0; k < 778; k++) {
            for (double[] entry : byVertex.get(k)) {
                indices.add((int) entry[0]);
                data.add(entry[1]);
            }
            pointers[k + 1] = indices.size();
        }
        m.put("J_regressor", new PickleWriter.Sparse(16, 778, data.stream().mapToDouble(Double::doubleValue).toArray(),
                indices.stream().mapToInt(Integer::intValue).toArray(), pointers));
        // Shape 0 grows the hand about the wrist, shape 1 stretches it along the fingers; the rest stay zero.
        double[] shapes = new double[778 * 3 * 10];
        for (int k = 0; k < 778; k++) {
            for (int c = 0; c < 3; c++) {
                shapes[(3 * k + c) * 10] = 0.1 * t.vertices()[3 * k + c];
            }
            shapes[(3 * k + 1) * 10 + 1] = 0.1 * t.vertices()[3 * k + 1];
        }
        m.put("shapedirs", new PickleWriter.Chumpy(new PickleWriter.Array(new int[] {778, 3, 10}, shapes, "f8")));
        // Pose feature 0 (the index MCP's rotation) pushes vertex 100 along x.
        double[] poses = new double[778 * 3 * 135];
        poses[(3 * 100) * 135] = 0.01;
        m.put("posedirs", new PickleWriter.Array(new int[] {778, 3, 135}, poses, "f8"));
        return m;
    }

    private static int[] nearestVertices(HandTemplate t, int joint, int count) {
        Integer[] order = new Integer[t.vertexCount()];
        Arrays.setAll(order, i -> i);
        float[] j = t.joints();
        Arrays.sort(order, (a, b) -> Double.compare(distance(t, a, j, joint), distance(t, b, j, joint)));
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = order[i];
        }
        return out;
    }

    private static double distance(HandTemplate t, int v, float[] j, int joint) {
        double dx = t.vertices()[3 * v] - j[3 * joint];
        double dy = t.vertices()[3 * v + 1] - j[3 * joint + 1];
        double dz = t.vertices()[3 * v + 2] - j[3 * joint + 2];
        return dx * dx + dy * dy + dz * dz;
    }
}
