package dev.handscope.engine.family.mesh;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.SavedModelRunner;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateFile;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.model.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A one-stage hand-mesh SavedModel (HandOS-style) as a {@link HandDetector}: each region carries its
 * hand's landmarks and predicted mesh ({@link HandMeshTranslator}). The candidate count N is the
 * model's own, read from {@code boxes} [1, N, 4]; the other outputs must agree with it, the input
 * must be {@code [1, H, W, 3]} as the options say, and the handedness output is used when the model
 * has it. One instance per inference thread.
 */
public final class HandMeshDetector implements HandDetector {
    /** The signature HandScope runs. */
    public static final String SIGNATURE = "serving_default";

    private final ModelRunner runner;
    private final HandMeshTranslator translator;
    private final Predictor<HandMeshTranslator.Request, HandMeshTranslator.Request, List<HandRegion>> predictor;
    private final boolean handednessOutput;

    private HandMeshDetector(ModelRunner runner, HandMeshTranslator translator, boolean handednessOutput) {
        this.runner = runner;
        this.translator = translator;
        this.handednessOutput = handednessOutput;
        this.predictor = new Predictor<>(runner, translator);
    }

    /**
     * Loads a hand-mesh SavedModel directory.
     *
     * @throws ModelLoadException naming the directory and the problem: not a safe SavedModel, a missing
     *                            output, an output whose shape is not the expected one, or an input
     *                            that is not {@code [1, H, W, 3]}
     */
    public static HandMeshDetector load(Path dir, HandMeshOptions options, RuntimeOptions runtime)
            throws ModelLoadException {
        HandTemplate template;
        try {
            template = HandTemplateFile.bundled();
        } catch (IOException e) {
            throw new ModelLoadException(dir + ": the bundled hand template (the mesh's faces) cannot be read: "
                    + e.getMessage(), e);
        }
        ModelContract contract = contract(dir, options);
        boolean handed = contract.outputs().size() == 6;
        ModelRunner runner = ModelRunners.load(dir, contract, runtime);
        try {
            return new HandMeshDetector(runner, new HandMeshTranslator(options, template, handed), handed);
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    /**
     * The contract this model must meet: boxes [1, N, 4], scores [1, N], joints2d [1, N, 21, 2],
     * vertices [1, N, 778, 3], camera [1, N, 3] and, when the model has it, handedness [1, N], in that order.
     */
    static ModelContract contract(Path dir, HandMeshOptions options) throws ModelLoadException {
        ModelContract offered = SavedModelRunner.describe(dir, SIGNATURE);
        TensorContract boxes = offered.requireOutput(dir, options.boxes());
        long[] b = boxes.shape();
        if (b.length != 3 || b[0] != 1 || b[1] < 1 || b[2] != 4) {
            throw new ModelLoadException(dir + ": output '" + boxes.name() + "' has shape " + Arrays.toString(b)
                    + ", expected [1, N, 4] (x1, y1, x2, y2 per candidate)");
        }
        long n = b[1];
        List<TensorContract> outputs = new ArrayList<>();
        outputs.add(boxes);
        outputs.add(shaped(dir, offered.requireOutput(dir, options.scores()), n, new long[] {1, n}));
        outputs.add(shaped(dir, offered.requireOutput(dir, options.joints2d()), n,
                new long[] {1, n, HandMeshOptions.JOINTS, 2}));
        outputs.add(shaped(dir, offered.requireOutput(dir, options.vertices()), n,
                new long[] {1, n, HandTemplate.VERTICES, 3}));
        outputs.add(shaped(dir, offered.requireOutput(dir, options.camera()), n, new long[] {1, n, 3}));
        Optional<TensorContract> handedness = options.handedness() == null ? Optional.empty()
                : offered.output(options.handedness());
        if (handedness.isPresent()) {
            outputs.add(shaped(dir, handedness.get(), n, new long[] {1, n}));
        }
        TensorContract input = new TensorContract(offered.input().name(), 1, options.input().height(),
                options.input().width(), 3);
        return new ModelContract(SIGNATURE, input, outputs);
    }

    private static TensorContract shaped(Path dir, TensorContract output, long n, long[] expected)
            throws ModelLoadException {
        if (!Arrays.equals(output.shape(), expected)) {
            throw new ModelLoadException(dir + ": output '" + output.name() + "' has shape "
                    + Arrays.toString(output.shape()) + ", expected " + Arrays.toString(expected) + " (N = " + n
                    + " candidates, from the boxes)");
        }
        return output;
    }

    @Override
    public List<HandRegion> detect(RgbImage image, double rotation, float minScore) {
        return predictor.predict(translator.request(image, rotation, minScore));
    }

    @Override
    public ModelTimings lastTimings() {
        return predictor.lastTimings();
    }

    /** Whether the model gives handedness itself (else it comes from the mesh's normals). */
    public boolean givesHandedness() {
        return handednessOutput;
    }

    /** Candidates per run (N). */
    public int candidates() {
        return Math.toIntExact(runner.contract().outputs().get(0).shape()[1]);
    }

    /** Candidates dropped for NaN or infinite values in the last {@link #detect} call. */
    public int droppedNonFinite() {
        return translator.droppedNonFinite();
    }

    /** Candidates dropped for NaN or infinite values since loading. */
    @Override
    public long nonFiniteOutputs() {
        return translator.totalDroppedNonFinite();
    }

    @Override
    public String runtime() {
        return runner.description();
    }

    @Override
    public void shareCores(boolean shared) {
        runner.besideOthers(shared);
    }

    public ModelRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
        translator.close();
    }
}
