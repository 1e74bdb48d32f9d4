package dev.handscope.engine.mesh;

import dev.handscope.engine.hand.HandTopology;
import java.util.HashMap;
import java.util.Map;

/**
 * The 21 hand landmarks of a mesh in the template's vertex order (MANO's), for meshes a model
 * predicts without joints: a fixed linear regressor, each joint a weighted mean of vertices, read
 * off the template.
 * <ul>
 * <li>A finger joint (MANO joint j with parent p) lies where the skin stops following p's bone and
 *     starts following j's: the vertices skinned to both. Its weights are {@code w(v, p) * w(v, j)},
 *     the ring of blended skin around the joint.</li>
 * <li>The wrist (the root) is the centre of the mesh's opening: the vertices on edges that only
 *     one triangle uses, equally weighted (or, for a closed mesh, the vertices skinned to the
 *     wrist alone).</li>
 * <li>Fingertips are the template's tip vertices.</li>
 * </ul>
 * A weighted mean of the skin is not the joint centre exactly; {@link #restError} is how far the
 * regressed joints are from the template's own in the rest pose: for the bundled template
 * the wrist 1 cm (its opening lies 1 cm toward the forearm), the thumb base 8 mm, the other joints
 * under 2 mm.
 * Linear, so it moves with the mesh under any rigid motion and follows the skin as it bends.
 */
public final class MeshJoints {
    private final int[][] vertices = new int[HandTopology.LANDMARKS][];
    private final double[][] weights = new double[HandTopology.LANDMARKS][];

    public MeshJoints(HandTemplate template) {
        int n = template.vertexCount();
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            double[] w = new double[n];
            int parent = HandSkeleton.PARENTS[j];
            if (parent < 0) {
                w = openingWeights(template);
            } else {
                for (int v = 0; v < n; v++) {
                    w[v] = template.weight(v, parent) * template.weight(v, j);
                }
            }
            set(HandSkeleton.LANDMARK_OF_JOINT[j], w, template);
        }
        for (int t = 0; t < HandSkeleton.TIPS; t++) {
            vertices[HandSkeleton.TIP_LANDMARKS[t]] = new int[] {template.tips()[t]};
            weights[HandSkeleton.TIP_LANDMARKS[t]] = new double[] {1};
        }
    }

    private void set(int landmark, double[] w, HandTemplate template) {
        int count = 0;
        double sum = 0;
        for (double x : w) {
            if (x > 0) {
                count++;
                sum += x;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the template has no vertices to place landmark "
                    + HandTopology.NAMES[landmark] + " (no skin blended across that joint)");
        }
        int[] index = new int[count];
        double[] weight = new double[count];
        int k = 0;
        for (int v = 0; v < w.length; v++) {
            if (w[v] > 0) {
                index[k] = v;
                weight[k++] = w[v] / sum;
            }
        }
        vertices[landmark] = index;
        weights[landmark] = weight;
    }

    /** The vertices on the mesh's open boundary, else (closed mesh) the vertices skinned to the wrist alone. */
    private static double[] openingWeights(HandTemplate template) {
        int[] faces = template.faces();
        Map<Long, Integer> edges = new HashMap<>();
        for (int f = 0; f < faces.length; f += 3) {
            for (int e = 0; e < 3; e++) {
                int a = faces[f + e];
                int b = faces[f + (e + 1) % 3];
                long key = (long) Math.min(a, b) * Integer.MAX_VALUE + Math.max(a, b);
                edges.merge(key, 1, Integer::sum);
            }
        }
        double[] w = new double[template.vertexCount()];
        boolean open = false;
        for (Map.Entry<Long, Integer> edge : edges.entrySet()) {
            if (edge.getValue() == 1) {
                w[(int) (edge.getKey() / Integer.MAX_VALUE)] = 1;
                w[(int) (edge.getKey() % Integer.MAX_VALUE)] = 1;
                open = true;
            }
        }
        if (!open) {
            for (int v = 0; v < w.length; v++) {
                w[v] = template.weight(v, 0) >= 0.999f ? 1 : 0;
            }
        }
        return w;
    }

    /** The 21 landmarks (x, y, z, MediaPipe order) of a mesh in the template's vertex order. */
    public float[] landmarks(float[] meshVertices) {
        float[] out = new float[3 * HandTopology.LANDMARKS];
        for (int l = 0; l < HandTopology.LANDMARKS; l++) {
            double x = 0;
            double y = 0;
            double z = 0;
            int[] index = vertices[l];
            double[] weight = weights[l];
            for (int k = 0; k < index.length; k++) {
                int v = 3 * index[k];
                x += weight[k] * meshVertices[v];
                y += weight[k] * meshVertices[v + 1];
                z += weight[k] * meshVertices[v + 2];
            }
            out[3 * l] = (float) x;
            out[3 * l + 1] = (float) y;
            out[3 * l + 2] = (float) z;
        }
        return out;
    }

    /** Largest distance (metres) between the regressed joints of the rest template and its own 16 joints. */
    public double restError(HandTemplate template) {
        float[] regressed = landmarks(template.vertices());
        double worst = 0;
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            int l = HandSkeleton.LANDMARK_OF_JOINT[j];
            worst = Math.max(worst, Math.sqrt(square(regressed[3 * l] - template.joints()[3 * j])
                    + square(regressed[3 * l + 1] - template.joints()[3 * j + 1])
                    + square(regressed[3 * l + 2] - template.joints()[3 * j + 2])));
        }
        return worst;
    }

    private static double square(double x) {
        return x * x;
    }
}
