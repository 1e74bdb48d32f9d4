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
 * A 2.5D top-down model as a {@link dev.handscope.engine.model.HandLandmarker}: one crop in, volumetric
 * heatmaps [1, h, w, d, K] out; 3D soft-argmax ({@link VolumetricDecoder}) gives each keypoint's input
 * position (x s, y s) and depth zmin + z (zmax - zmin) / d relative to the wrist; world landmarks are those
 * depths with x, y lifted through the camera ({@link CameraLift}) so bone 0-9 has the reference length.
 * Image z is the relative depth scaled like image x.
 */
public final class Heatmap25dLandmarker extends TopDownLandmarker {
    private final Heatmap25dOptions options;
    private final VolumetricDecoder decoder;
    private final double strideX;
    private final double strideY;
    private final double depthStep;

    private Heatmap25dLandmarker(ModelRunner runner, Heatmap25dOptions options, int height, int width,
                                 int depth) {
        super(runner, options.topDown());
        this.options = options;
        this.decoder = new VolumetricDecoder(height, width, depth, options.topDown().keypoints());
        this.strideX = (double) options.topDown().input().width() / width;
        this.strideY = (double) options.topDown().input().height() / height;
        this.depthStep = (options.depthMax() - options.depthMin()) / depth;
    }

    /**
     * @throws ModelLoadException naming the directory when it is no loadable SavedModel or its input or
     *                            volume output does not have the options' shape
     */
    public static Heatmap25dLandmarker load(Path directory, Heatmap25dOptions options, RuntimeOptions runtime)
            throws ModelLoadException {
        TopDownOptions topDown = options.topDown();
        ModelContract contract = contract(directory, topDown.input(), options.output());
        TensorContract output = contract.outputs().get(0);
        long k = topDown.keypoints();
        requireShape(directory, output, new long[] {1, -1, -1, -1, k}, "volumetric heatmaps [1, h, w, d, K] with K = " + k);
        long[] shape = output.shape();
        return new Heatmap25dLandmarker(ModelRunners.load(directory, contract, runtime), options,
                Math.toIntExact(shape[1]), Math.toIntExact(shape[2]), Math.toIntExact(shape[3]));
    }

    @Override
    HandLandmarks decode(Crop crop, ModelRuntime outputs) {
        float[] volume = outputs.output(0);
        KeypointMap map = options.topDown().map();
        float[] input = new float[HandTopology.LANDMARKS * 3];
        double[] depth = new double[HandTopology.LANDMARKS];
        double[] scores = new double[HandTopology.LANDMARKS];
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            Peak peak = decoder.decode(volume, map.source(i));
            if (!peak.finite()) {
                return dropped(crop);
            }
            input[3 * i] = (float) (peak.x() * strideX);
            input[3 * i + 1] = (float) (peak.y() * strideY);
            depth[i] = options.depthMin() + peak.z() * depthStep;
            scores[i] = peak.score();
        }
        float[] image = new float[input.length];
        crop.geometry().cropToImage(input, image, 1);
        CameraLift.Result lift = CameraLift.lift(image, depth, crop.imageWidth(), crop.imageHeight(),
                options.fovDegrees(), options.referenceBoneLength());
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            input[3 * i + 2] = lift.depthZ()[i];
        }
        return assemble(crop, input, scores, lift.world());
    }

    public Heatmap25dOptions options() {
        return options;
    }
}
