package dev.handscope.engine.family.yolo;

import dev.handscope.engine.family.BoxSuppression;
import dev.handscope.engine.imaging.Letterbox;
import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.landmarks.HandLandmarks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Post-processing of a YOLO-pose output (no TensorFlow): the raw candidates to hands in input-pixel
 * coordinates of the letterboxed model input, after a confidence filter and class-agnostic non-max
 * suppression. {@link Letterbox} maps them to the image.
 * <p>
 * Each candidate is {@code cx, cy, w, h}, then C class scores (already sigmoid, as Ultralytics
 * exports them), then K keypoints as {@code x, y, visibility} (visibility already sigmoid). The
 * output is {@code [1, 4+C+3K, N]} (Ultralytics' layout) or {@code [1, N, 4+C+3K]}; when both
 * inner dimensions equal {@code 4+C+3K} (N happens to equal it) the first wins, since that is what
 * Ultralytics exports. A candidate holding NaN or infinity anywhere is dropped and counted.
 * Not thread-safe (the counters).
 */
public final class YoloPoseDecoder {
    /** At most this many hands leave the suppression (Ultralytics' {@code max_det}). */
    public static final int MAX_DETECTIONS = 300;

    /** Where the candidates lie in the output tensor. */
    public enum Layout {
        /** {@code [1, 4+C+3K, N]}: value-major, one row per value (Ultralytics' SavedModel and TFLite). */
        VALUES_FIRST,
        /** {@code [1, N, 4+C+3K]}: candidate-major, one row per candidate (transposed exports). */
        CANDIDATES_FIRST
    }

    /**
     * One hand the model found, in input pixels of the letterboxed model input.
     *
     * @param centerX      box centre
     * @param centerY      box centre
     * @param width        box width
     * @param height       box height
     * @param classIndex   the best class (argmax of the scores)
     * @param score        its score
     * @param classScores  all C class scores
     * @param landmarks    the 21 hand landmarks as x0, y0, x1, y1, ... (already reordered through the
     *                     keypoint map)
     * @param visibility   each landmark's visibility score (sigmoid), by landmark
     */
    public record Candidate(float centerX, float centerY, float width, float height, int classIndex, float score,
                            float[] classScores, float[] landmarks, float[] visibility) {

        public Candidate {
            classScores = classScores.clone();
            landmarks = landmarks.clone();
            visibility = visibility.clone();
        }

        public float left() {
            return centerX - width / 2;
        }

        public float top() {
            return centerY - height / 2;
        }

        public float right() {
            return centerX + width / 2;
        }

        public float bottom() {
            return centerY + height / 2;
        }

        @Override
        public float[] classScores() {
            return classScores.clone();
        }

        @Override
        public float[] landmarks() {
            return landmarks.clone();
        }

        @Override
        public float[] visibility() {
            return visibility.clone();
        }

        public float landmarkX(int landmark) {
            return landmarks[2 * landmark];
        }

        public float landmarkY(int landmark) {
            return landmarks[2 * landmark + 1];
        }
    }

    private final int classes;
    private final int keypoints;
    private final int values;
    private final boolean normalized;
    private final float inputWidth;
    private final float inputHeight;
    private final float iou;
    private final KeypointMap map;
    private int lastDropped;
    private long totalDropped;

    public YoloPoseDecoder(YoloPoseOptions options) {
        this.classes = options.classes().size();
        this.keypoints = options.keypoints();
        this.values = options.valuesPerCandidate();
        this.normalized = options.normalized();
        this.inputWidth = options.input().width();
        this.inputHeight = options.input().height();
        this.iou = options.iou();
        this.map = options.map();
    }

    /**
     * Which axis holds the candidates.
     *
     * @param shape  the output's shape, {@code [1, V, N]} or {@code [1, N, V]}
     * @param values V, values per candidate ({@code 4+C+3K})
     * @throws IllegalArgumentException naming the expected and actual shapes when neither fits
     */
    public static Layout layout(long[] shape, int values) {
        if (shape.length != 3 || shape[0] != 1 || shape[1] < 0 || shape[2] < 0) {
            throw new IllegalArgumentException(expected(values) + ", got " + Arrays.toString(shape));
        }
        if (shape[1] == values) {
            return Layout.VALUES_FIRST;
        }
        if (shape[2] == values) {
            return Layout.CANDIDATES_FIRST;
        }
        throw new IllegalArgumentException(expected(values) + ", got " + Arrays.toString(shape)
                + " (neither inner dimension is " + values + ")");
    }

    static String expected(int values) {
        return "a YOLO-pose output is [1, 4+C+3K, N] or [1, N, 4+C+3K] with 4+C+3K = " + values;
    }

    /** Candidates in the output (N). */
    public static int candidateCount(long[] shape, int values) {
        return Math.toIntExact(layout(shape, values) == Layout.VALUES_FIRST ? shape[2] : shape[1]);
    }

    /**
     * Hands in the output, best first, at most {@link #MAX_DETECTIONS}.
     *
     * @param raw      the output tensor's values, row-major
     * @param shape    its shape
     * @param minScore class score below which candidates are dropped
     */
    public List<Candidate> decode(float[] raw, long[] shape, float minScore) {
        Layout layout = layout(shape, values);
        int count = candidateCount(shape, values);
        if (raw.length != (long) count * values) {
            throw new IllegalArgumentException("output of shape " + Arrays.toString(shape) + " needs "
                    + (long) count * values + " values, got " + raw.length);
        }
        // Value v of candidate i: VALUES_FIRST holds each value's row of N, CANDIDATES_FIRST each candidate's row.
        int valueStride = layout == Layout.VALUES_FIRST ? count : 1;
        int candidateStride = layout == Layout.VALUES_FIRST ? 1 : values;
        float xScale = normalized ? inputWidth : 1;
        float yScale = normalized ? inputHeight : 1;

        int dropped = 0;
        List<Candidate> passing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int base = i * candidateStride;
            if (!finite(raw, base, valueStride)) {
                dropped++;
                continue;
            }
            int best = 0;
            float bestScore = raw[base + 4 * valueStride];
            for (int c = 1; c < classes; c++) {
                float s = raw[base + (4 + c) * valueStride];
                if (s > bestScore) {
                    best = c;
                    bestScore = s;
                }
            }
            if (!(bestScore >= minScore)) {
                continue;
            }
            float[] scores = new float[classes];
            for (int c = 0; c < classes; c++) {
                scores[c] = raw[base + (4 + c) * valueStride];
            }
            float[] points = new float[2 * HandLandmarks.COUNT];
            float[] visibility = new float[HandLandmarks.COUNT];
            for (int l = 0; l < HandLandmarks.COUNT; l++) {
                int k = 4 + classes + 3 * map.source(l);
                points[2 * l] = raw[base + k * valueStride] * xScale;
                points[2 * l + 1] = raw[base + (k + 1) * valueStride] * yScale;
                visibility[l] = raw[base + (k + 2) * valueStride];
            }
            passing.add(new Candidate(raw[base] * xScale, raw[base + valueStride] * yScale,
                    raw[base + 2 * valueStride] * xScale, raw[base + 3 * valueStride] * yScale, best, bestScore,
                    scores, points, visibility));
        }
        lastDropped = dropped;
        totalDropped += dropped;
        return suppress(passing, iou);
    }

    private boolean finite(float[] raw, int base, int stride) {
        for (int v = 0; v < values; v++) {
            if (!Float.isFinite(raw[base + v * stride])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Greedy class-agnostic suppression: best score first, each candidate kept unless it overlaps a
     * kept one by more than {@code threshold}. O(n log n + n * kept), kept at most {@link #MAX_DETECTIONS}.
     * Agnostic rather than per class (Ultralytics' default) because one hand is never both left and right.
     */
    static List<Candidate> suppress(List<Candidate> candidates, float threshold) {
        return BoxSuppression.suppress(candidates, Candidate::score, YoloPoseDecoder::box, threshold, MAX_DETECTIONS);
    }

    static double iou(Candidate a, Candidate b) {
        return BoxSuppression.iou(box(a), box(b));
    }

    private static float[] box(Candidate c) {
        return new float[] {c.left(), c.top(), c.right(), c.bottom()};
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
