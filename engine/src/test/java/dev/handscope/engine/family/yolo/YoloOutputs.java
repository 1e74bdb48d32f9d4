package dev.handscope.engine.family.yolo;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;
import java.util.ArrayList;
import java.util.List;

/** Hand-made YOLO-pose outputs: candidates as value vectors, laid out either way. */
final class YoloOutputs {
    static final int WIDTH = 160;
    static final int HEIGHT = 128;

    private final int classes;
    private final int keypoints;
    private final List<float[]> candidates = new ArrayList<>();

    YoloOutputs(int classes, int keypoints) {
        this.classes = classes;
        this.keypoints = keypoints;
    }

    static YoloPoseOptions options(List<String> classes, int keypoints, boolean normalized, KeypointMap map) {
        InputSpec input = new InputSpec(WIDTH, HEIGHT, new float[3], new float[] {255, 255, 255}, false, 114);
        return new YoloPoseOptions(input, "output0", classes, keypoints, normalized, 0.25f, 0.7f, map);
    }

    int values() {
        return 4 + classes + 3 * keypoints;
    }

    /** A candidate: box, class scores, then keypoint k at {@code points[2k], points[2k+1]} with visibility. */
    YoloOutputs add(float cx, float cy, float w, float h, float[] scores, float[] points, float[] visibility) {
        float[] v = new float[values()];
        v[0] = cx;
        v[1] = cy;
        v[2] = w;
        v[3] = h;
        System.arraycopy(scores, 0, v, 4, classes);
        for (int k = 0; k < keypoints; k++) {
            v[4 + classes + 3 * k] = points[2 * k];
            v[4 + classes + 3 * k + 1] = points[2 * k + 1];
            v[4 + classes + 3 * k + 2] = visibility[k];
        }
        candidates.add(v);
        return this;
    }

    /** A candidate whose keypoint k sits at a distinct place inside the box, visibility k / 100. */
    YoloOutputs add(float cx, float cy, float w, float h, float... scores) {
        float[] points = new float[2 * keypoints];
        float[] visibility = new float[keypoints];
        for (int k = 0; k < keypoints; k++) {
            float[] p = point(cx, cy, w, h, k, keypoints);
            points[2 * k] = p[0];
            points[2 * k + 1] = p[1];
            visibility[k] = k / 100f;
        }
        return add(cx, cy, w, h, scores, points, visibility);
    }

    /** Where {@link #add(float, float, float, float, float...)} puts keypoint k. */
    static float[] point(float cx, float cy, float w, float h, int k, int count) {
        float left = cx - w / 2;
        float top = cy - h / 2;
        return new float[] {left + 1 + k * (w - 2) / (count - 1), top + 1 + ((k * 7) % count) * (h - 2) / (count - 1)};
    }

    /** The last candidate's value {@code index}, overwritten. */
    YoloOutputs set(int index, float value) {
        candidates.get(candidates.size() - 1)[index] = value;
        return this;
    }

    /** Every x (box and keypoints) divided by the input width, every y by its height. */
    YoloOutputs normalize() {
        for (float[] v : candidates) {
            for (int i = 0; i < 4; i++) {
                v[i] /= i % 2 == 0 ? WIDTH : HEIGHT;
            }
            for (int k = 0; k < keypoints; k++) {
                v[4 + classes + 3 * k] /= WIDTH;
                v[4 + classes + 3 * k + 1] /= HEIGHT;
            }
        }
        return this;
    }

    int count() {
        return candidates.size();
    }

    long[] shape(YoloPoseDecoder.Layout layout) {
        return layout == YoloPoseDecoder.Layout.VALUES_FIRST ? new long[] {1, values(), count()}
                : new long[] {1, count(), values()};
    }

    float[] array(YoloPoseDecoder.Layout layout) {
        int n = count();
        int v = values();
        float[] raw = new float[n * v];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < v; j++) {
                raw[layout == YoloPoseDecoder.Layout.VALUES_FIRST ? j * n + i : i * v + j] = candidates.get(i)[j];
            }
        }
        return raw;
    }
}
