package dev.handscope.engine.family.mesh;

import dev.handscope.engine.family.FiniteValues;
import dev.handscope.engine.family.BoxSuppression;
import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.mesh.HandTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-processing of a one-stage hand-mesh model's outputs (no TensorFlow): the candidates above
 * the score threshold, with boxes and joints in input pixels of the letterboxed model input, after
 * class-agnostic non-max suppression. A candidate with NaN or infinity in any of its values is
 * dropped and counted. Not thread-safe (the counters).
 */
public final class HandMeshDecoder {
    /** At most this many hands leave the suppression. */
    public static final int MAX_DETECTIONS = 300;

    /**
     * One hand the model found.
     *
     * @param box              x1, y1, x2, y2 in input pixels
     * @param score            its score
     * @param joints           the 21 joints as x0, y0, x1, y1, ... in input pixels, in landmark order
     * @param vertices         778 x (x, y, z), metres, as predicted (hand-centred)
     * @param camera           the predicted translation to camera space (metres)
     * @param rightProbability the model's probability of a right hand, NaN when it gives none
     */
    public record Candidate(float[] box, float score, float[] joints, float[] vertices, float[] camera,
                            float rightProbability) {

        public Candidate {
            box = box.clone();
            joints = joints.clone();
            vertices = vertices.clone();
            camera = camera.clone();
        }

        @Override
        public float[] box() {
            return box.clone();
        }

        @Override
        public float[] joints() {
            return joints.clone();
        }

        @Override
        public float[] vertices() {
            return vertices.clone();
        }

        @Override
        public float[] camera() {
            return camera.clone();
        }

        public float jointX(int landmark) {
            return joints[2 * landmark];
        }

        public float jointY(int landmark) {
            return joints[2 * landmark + 1];
        }
    }

    private final float xScale;
    private final float yScale;
    private final float iou;
    private final KeypointMap map;
    private int lastDropped;
    private long totalDropped;

    public HandMeshDecoder(HandMeshOptions options) {
        this.xScale = options.normalized() ? options.input().width() : 1;
        this.yScale = options.normalized() ? options.input().height() : 1;
        this.iou = options.iou();
        this.map = options.map();
    }

    /**
     * Hands in the outputs, best first.
     *
     * @param boxes      [N, 4] values
     * @param scores     [N]
     * @param joints2d   [N, 21, 2]
     * @param vertices   [N, 778, 3]
     * @param camera     [N, 3]
     * @param handedness [N], or null when the model gives none
     * @param minScore   score below which candidates are dropped
     */
    public List<Candidate> decode(float[] boxes, float[] scores, float[] joints2d, float[] vertices, float[] camera,
                                  float[] handedness, float minScore) {
        int n = scores.length;
        int v = 3 * HandTemplate.VERTICES;
        int j = 2 * HandMeshOptions.JOINTS;
        check("boxes", boxes, 4 * n);
        check("joints2d", joints2d, j * n);
        check("vertices", vertices, v * n);
        check("camera", camera, 3 * n);
        if (handedness != null) {
            check("handedness", handedness, n);
        }
        int dropped = 0;
        List<Candidate> passing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!FiniteValues.all(scores, i, 1) || !FiniteValues.all(boxes, 4 * i, 4)
                    || !FiniteValues.all(joints2d, j * i, j) || !FiniteValues.all(vertices, v * i, v)
                    || !FiniteValues.all(camera, 3 * i, 3) || handedness != null && !FiniteValues.all(handedness, i, 1)) {
                dropped++;
                continue;
            }
            if (!(scores[i] >= minScore)) {
                continue;
            }
            float[] box = {boxes[4 * i] * xScale, boxes[4 * i + 1] * yScale, boxes[4 * i + 2] * xScale,
                boxes[4 * i + 3] * yScale};
            float[] points = new float[j];
            for (int l = 0; l < HandMeshOptions.JOINTS; l++) {
                int k = j * i + 2 * map.source(l);
                points[2 * l] = joints2d[k] * xScale;
                points[2 * l + 1] = joints2d[k + 1] * yScale;
            }
            float[] mesh = new float[v];
            System.arraycopy(vertices, v * i, mesh, 0, v);
            passing.add(new Candidate(box, scores[i], points, mesh, new float[] {camera[3 * i], camera[3 * i + 1],
                camera[3 * i + 2]}, handedness == null ? Float.NaN : handedness[i]));
        }
        lastDropped = dropped;
        totalDropped += dropped;
        return BoxSuppression.suppress(passing, Candidate::score, c -> c.box, iou, MAX_DETECTIONS);
    }

    private static void check(String name, float[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " needs " + expected + " values, got " + values.length);
        }
    }

    /** Candidates dropped for NaN or infinite values in the last {@link #decode} call. */
    public int droppedNonFinite() {
        return lastDropped;
    }

    /** Candidates dropped for NaN or infinite values since this decoder was made. */
    public long totalDroppedNonFinite() {
        return totalDropped;
    }
}
