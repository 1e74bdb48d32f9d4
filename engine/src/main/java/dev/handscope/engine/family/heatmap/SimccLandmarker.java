package dev.handscope.engine.family.heatmap;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.model.ModelRuntime;
import java.nio.file.Path;

/**
 * An RTMPose-style SimCC model as a {@link dev.handscope.engine.model.HandLandmarker}: one crop in,
 * [1, K, W s] and [1, K, H s] classifications out, decoded by {@link SimccDecoder}. World landmarks are
 * {@link TopDownCrop#approximateWorld the 2D approximation}.
 */
public final class SimccLandmarker extends TopDownLandmarker {
    private final SimccOptions options;
    private final SimccDecoder decoder;

    private SimccLandmarker(ModelRunner runner, SimccOptions options, int binsX, int binsY) {
        super(runner, options.topDown());
        this.options = options;
        this.decoder = new SimccDecoder(options.topDown().keypoints(), binsX, binsY, options.splitRatio());
    }

    /**
     * @throws ModelLoadException naming the directory when it is no loadable SavedModel or its input or
     *                            SimCC outputs do not have the options' shapes
     */
    public static SimccLandmarker load(Path directory, SimccOptions options, RuntimeOptions runtime)
            throws ModelLoadException {
        TopDownOptions topDown = options.topDown();
        ModelContract contract = contract(directory, topDown.input(), options.outputX(), options.outputY());
        long k = topDown.keypoints();
        long binsX = Math.round(topDown.input().width() * options.splitRatio());
        long binsY = Math.round(topDown.input().height() * options.splitRatio());
        requireShape(directory, contract.outputs().get(0), new long[] {1, k, binsX},
                "[1, K, W * splitRatio] with K = " + k + ", W = " + topDown.input().width() + ", splitRatio = "
                        + options.splitRatio());
        requireShape(directory, contract.outputs().get(1), new long[] {1, k, binsY},
                "[1, K, H * splitRatio] with K = " + k + ", H = " + topDown.input().height() + ", splitRatio = "
                        + options.splitRatio());
        return new SimccLandmarker(ModelRunners.load(directory, contract, runtime), options,
                Math.toIntExact(binsX), Math.toIntExact(binsY));
    }

    @Override
    HandLandmarks decode(Crop crop, ModelRuntime outputs) {
        float[] x = outputs.output(0);
        float[] y = outputs.output(1);
        KeypointMap map = options.topDown().map();
        float[] input = new float[HandTopology.LANDMARKS * 3];
        double[] scores = new double[HandTopology.LANDMARKS];
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            Peak peak = decoder.decode(x, y, map.source(i));
            if (!peak.finite()) {
                return dropped(crop);
            }
            input[3 * i] = (float) peak.x();
            input[3 * i + 1] = (float) peak.y();
            scores[i] = peak.score();
        }
        return assemble(crop, input, scores, null);
    }

    public SimccOptions options() {
        return options;
    }
}
