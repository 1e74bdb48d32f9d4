package dev.handscope.engine.family.mesh;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.testmodels.ConstantModels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-mesh model outputs built candidate by candidate, in input pixels of a 160x128 input. */
public final class MeshOutputs {
    public static final int WIDTH = 160;
    public static final int HEIGHT = 128;

    private final List<float[]> boxes = new ArrayList<>();
    private final List<Float> scores = new ArrayList<>();
    private final List<float[]> joints = new ArrayList<>();
    private final List<float[]> vertices = new ArrayList<>();
    private final List<float[]> cameras = new ArrayList<>();
    private final List<Float> right = new ArrayList<>();

    static HandMeshOptions options(boolean normalized) {
        return HandMeshOptions.defaults(new InputSpec(WIDTH, HEIGHT, new float[3], new float[] {255, 255, 255},
                false, 114), normalized, 60);
    }

    /** A candidate with box x1, y1, x2, y2, its joints spread over the box, the given mesh and camera. */
    public MeshOutputs add(float x1, float y1, float x2, float y2, float score, float[] mesh, float[] camera,
                    float rightProbability) {
        boxes.add(new float[] {x1, y1, x2, y2});
        scores.add(score);
        float[] j = new float[2 * HandMeshOptions.JOINTS];
        for (int l = 0; l < HandMeshOptions.JOINTS; l++) {
            j[2 * l] = x1 + (x2 - x1) * (l % 5) / 4f;
            j[2 * l + 1] = y1 + (y2 - y1) * (l / 5) / 4f;
        }
        joints.add(j);
        vertices.add(mesh.clone());
        cameras.add(camera.clone());
        right.add(rightProbability);
        return this;
    }

    MeshOutputs add(float x1, float y1, float x2, float y2, float score) {
        float[] mesh = new float[3 * HandTemplate.VERTICES];
        for (int i = 0; i < mesh.length; i++) {
            mesh[i] = i * 1e-4f;
        }
        return add(x1, y1, x2, y2, score, mesh, new float[] {0, 0, 0.5f}, 0.5f);
    }

    int count() {
        return scores.size();
    }

    float[] boxes(boolean normalized) {
        float[] out = flat(boxes);
        if (normalized) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= i % 2 == 0 ? WIDTH : HEIGHT;
            }
        }
        return out;
    }

    float[] joints(boolean normalized) {
        float[] out = flat(joints);
        if (normalized) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= i % 2 == 0 ? WIDTH : HEIGHT;
            }
        }
        return out;
    }

    float[] scores() {
        return values(scores);
    }

    float[] vertices() {
        return flat(vertices);
    }

    float[] cameras() {
        return flat(cameras);
    }

    float[] rightProbabilities() {
        return values(right);
    }

    /** Sets value {@code index} of candidate {@code candidate}'s vertices (e.g. to NaN). */
    MeshOutputs setVertex(int candidate, int index, float value) {
        vertices.get(candidate)[index] = value;
        return this;
    }

    /** The outputs as a SavedModel's (pixels), with or without the handedness output. */
    public Map<String, ConstantModels.Output> model(boolean withHandedness) {
        long n = count();
        Map<String, ConstantModels.Output> out = new LinkedHashMap<>();
        out.put("boxes", new ConstantModels.Output(new long[] {1, n, 4}, boxes(false)));
        out.put("scores", new ConstantModels.Output(new long[] {1, n}, scores()));
        out.put("joints2d", new ConstantModels.Output(new long[] {1, n, 21, 2}, joints(false)));
        out.put("vertices", new ConstantModels.Output(new long[] {1, n, HandTemplate.VERTICES, 3}, vertices()));
        out.put("camera", new ConstantModels.Output(new long[] {1, n, 3}, cameras()));
        if (withHandedness) {
            out.put("handedness", new ConstantModels.Output(new long[] {1, n}, rightProbabilities()));
        }
        return out;
    }

    private static float[] flat(List<float[]> rows) {
        int size = rows.stream().mapToInt(r -> r.length).sum();
        float[] out = new float[size];
        int k = 0;
        for (float[] row : rows) {
            System.arraycopy(row, 0, out, k, row.length);
            k += row.length;
        }
        return out;
    }

    private static float[] values(List<Float> list) {
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    static KeypointMap reversed() {
        int[] sources = new int[21];
        for (int i = 0; i < 21; i++) {
            sources[i] = 20 - i;
        }
        return KeypointMap.of(sources, 21);
    }
}
