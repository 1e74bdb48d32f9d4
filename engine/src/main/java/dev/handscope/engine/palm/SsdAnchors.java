package dev.handscope.engine.palm;

import java.util.ArrayList;
import java.util.List;

/**
 * SSD anchor centres generated from MediaPipe's SsdAnchorsCalculator options (no table is loaded):
 * for the palm detector 4 layers with strides 8, 16, 16, 16 over a 192x192 input, two anchors per
 * layer and cell (aspect 1 and the interpolated scale), fixed size 1x1: 2016 anchors, in the
 * model's output order.
 */
public final class SsdAnchors {

    /** MediaPipe's score_clipping_thresh: raw scores are clipped to this before the sigmoid. */
    private static final float SCORE_CLIP = 100f;

    /** One anchor: centre and size, normalised to the model input. */
    public record Anchor(float x, float y, float width, float height) {

        /**
         * Decodes the box and keypoints an SSD head regressed against this anchor (MediaPipe's
         * TensorsToDetections; values in input pixels over {@code scale}, box as centre x, y, width,
         * height, then x, y per keypoint) into input-normalised coordinates.
         *
         * @param box       receives xmin, ymin, width, height
         * @param keypoints receives x, y per keypoint (its length says how many)
         */
        public void decode(float[] raw, int base, float scale, float[] box, float[] keypoints) {
            float centerX = raw[base] / scale * width + x;
            float centerY = raw[base + 1] / scale * height + y;
            box[2] = raw[base + 2] / scale * width;
            box[3] = raw[base + 3] / scale * height;
            box[0] = centerX - box[2] / 2;
            box[1] = centerY - box[3] / 2;
            for (int k = 0; k < keypoints.length / 2; k++) {
                keypoints[2 * k] = raw[base + 4 + 2 * k] / scale * width + x;
                keypoints[2 * k + 1] = raw[base + 5 + 2 * k] / scale * height + y;
            }
        }
    }

    /** A detection score as MediaPipe computes it: the raw logit clipped to {@link #SCORE_CLIP}, then the sigmoid. */
    public static float score(float raw) {
        return (float) (1 / (1 + Math.exp(-Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, raw)))));
    }

    /**
     * The options of the calculator that matter for fixed-size anchors.
     *
     * @param aspectRatios                 aspect ratios per layer
     * @param interpolatedScaleAspectRatio adds an anchor between this layer's scale and the next's; 0 for none
     */
    public record Options(int inputWidth, int inputHeight, int numLayers, double minScale, double maxScale,
                          double anchorOffsetX, double anchorOffsetY, int[] strides, double[] aspectRatios,
                          double interpolatedScaleAspectRatio, boolean fixedAnchorSize) {
    }

    /** The palm detector's options, from the package's palm_detection graph config. */
    public static final Options PALM_192 = new Options(192, 192, 4, 0.1484375, 0.75, 0.5, 0.5,
            new int[] {8, 16, 16, 16}, new double[] {1.0}, 1.0, true);

    private SsdAnchors() {
    }

    public static List<Anchor> generate(Options o) {
        List<Anchor> anchors = new ArrayList<>();
        int layer = 0;
        while (layer < o.numLayers()) {
            List<Double> scales = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            int last = layer;
            // Layers that share a stride share one feature map: their anchors are interleaved per cell.
            while (last < o.numLayers() && o.strides()[last] == o.strides()[layer]) {
                double scale = scale(o, last);
                for (double ratio : o.aspectRatios()) {
                    ratios.add(ratio);
                    scales.add(scale);
                }
                if (o.interpolatedScaleAspectRatio() > 0) {
                    double next = last == o.numLayers() - 1 ? 1.0 : scale(o, last + 1);
                    scales.add(Math.sqrt(scale * next));
                    ratios.add(o.interpolatedScaleAspectRatio());
                }
                last++;
            }
            int stride = o.strides()[layer];
            int rows = (int) Math.ceil((double) o.inputHeight() / stride);
            int columns = (int) Math.ceil((double) o.inputWidth() / stride);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    for (int a = 0; a < scales.size(); a++) {
                        double root = Math.sqrt(ratios.get(a));
                        float width = o.fixedAnchorSize() ? 1f : (float) (scales.get(a) * root);
                        float height = o.fixedAnchorSize() ? 1f : (float) (scales.get(a) / root);
                        anchors.add(new Anchor((float) ((x + o.anchorOffsetX()) / columns),
                                (float) ((y + o.anchorOffsetY()) / rows), width, height));
                    }
                }
            }
            layer = last;
        }
        return List.copyOf(anchors);
    }

    private static double scale(Options o, int layer) {
        if (o.numLayers() == 1) {
            return (o.minScale() + o.maxScale()) / 2;
        }
        return o.minScale() + (o.maxScale() - o.minScale()) * layer / (o.numLayers() - 1.0);
    }
}
