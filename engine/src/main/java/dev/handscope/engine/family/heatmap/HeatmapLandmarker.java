package dev.handscope.engine.family.heatmap;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.model.ModelRuntime;
import java.nio.file.Path;

/**
 * A top-down 2D heatmap model (mmpose-style) as a {@link dev.handscope.engine.model.HandLandmarker}: one
 * crop in, [1, h, w, K] (or [1, K, h, w]) heatmaps out, peaks decoded by {@link HeatmapDecoder}, heatmap
 * cell (x, y) at input position (x s, y s), s = input size / heatmap size. Score per keypoint = peak value;
 * world landmarks are {@link TopDownCrop#approximateWorld the 2D approximation}.
 */
public final class HeatmapLandmarker extends TopDownLandmarker {
    private final HeatmapOptions options;
    private final HeatmapDecoder decoder;
    private final double strideX;
    private final double strideY;

    private HeatmapLandmarker(ModelRunner runner, HeatmapOptions options, int height, int width) {
        super(runner, options.topDown());
        this.options = options;
        this.decoder = new HeatmapDecoder(options.decode(), options.layout(), height, width,
                options.topDown().keypoints(), options.blurKernel());
        this.strideX = (double) options.topDown().input().width() / width;
        this.strideY = (double) options.topDown().input().height() / height;
    }

    /**
     * @throws ModelLoadException naming the directory when it is no loadable SavedModel or its input or
     *                            heatmap output does not have the options' shape
     */
    public static HeatmapLandmarker load(Path directory, HeatmapOptions options, RuntimeOptions runtime)
            throws ModelLoadException {
        TopDownOptions topDown = options.topDown();
        ModelContract contract = contract(directory, topDown.input(), options.output());
        TensorContract output = contract.outputs().get(0);
        long k = topDown.keypoints();
        boolean nhwc = options.layout() == HeatmapLayout.NHWC;
        requireShape(directory, output, nhwc ? new long[] {1, -1, -1, k} : new long[] {1, k, -1, -1},
                "heatmaps, " + options.layout() + " with K = " + k);
        long[] shape = output.shape();
        int height = Math.toIntExact(nhwc ? shape[1] : shape[2]);
        int width = Math.toIntExact(nhwc ? shape[2] : shape[3]);
        return new HeatmapLandmarker(ModelRunners.load(directory, contract, runtime), options, height, width);
    }

    @Override
    HandLandmarks decode(Crop crop, ModelRuntime outputs) {
        float[] heatmaps = outputs.output(0);
        KeypointMap map = options.topDown().map();
        float[] input = new float[HandTopology.LANDMARKS * 3];
        double[] scores = new double[HandTopology.LANDMARKS];
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            Peak peak = decoder.decode(heatmaps, map.source(i));
            if (!peak.finite()) {
                return dropped(crop);
            }
            input[3 * i] = (float) (peak.x() * strideX);
            input[3 * i + 1] = (float) (peak.y() * strideY);
            scores[i] = peak.score();
        }
        return assemble(crop, input, scores, null);
    }

    public HeatmapOptions options() {
        return options;
    }
}
