package dev.handscope.engine.family.yolo;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.SavedModelRunner;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.model.Predictor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A YOLO-pose SavedModel as a one-stage {@link HandDetector}: each region carries its hand's 21
 * landmarks. The candidate count N is the model's own, so the output contract is read from the
 * model's signature and checked to have {@code 4+C+3K} values per candidate; the input must be
 * {@code [1, H, W, 3]} as the options say. Hands below the larger of the options' confidence and
 * the caller's {@code minScore} are dropped. One instance per inference thread.
 */
public final class YoloPoseDetector implements HandDetector {
    /** The signature HandScope runs. */
    public static final String SIGNATURE = "serving_default";

    private final ModelRunner runner;
    private final YoloPoseTranslator translator;
    private final Predictor<YoloPoseTranslator.Request, YoloPoseTranslator.Request, List<HandRegion>> predictor;
    private final int values;

    private YoloPoseDetector(ModelRunner runner, YoloPoseTranslator translator, int values) {
        this.runner = runner;
        this.values = values;
        this.translator = translator;
        this.predictor = new Predictor<>(runner, translator);
    }

    /**
     * Loads a YOLO-pose SavedModel directory.
     *
     * @throws ModelLoadException naming the directory and the problem: not a safe SavedModel, no such
     *                            output, an input that is not {@code [1, H, W, 3]}, or an output whose
     *                            shape has no dimension of {@code 4+C+3K}
     */
    public static YoloPoseDetector load(Path directory, YoloPoseOptions options, RuntimeOptions runtime)
            throws ModelLoadException {
        ModelContract contract = contract(directory, options);
        ModelRunner runner = ModelRunners.load(directory, contract, runtime);
        try {
            return new YoloPoseDetector(runner, new YoloPoseTranslator(options, contract.outputs().get(0).shape()),
                    options.valuesPerCandidate());
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    /** The contract this model must meet: the options' input size, the named output at the model's own N. */
    static ModelContract contract(Path directory, YoloPoseOptions options) throws ModelLoadException {
        ModelContract offered = SavedModelRunner.describe(directory, SIGNATURE);
        TensorContract output = offered.requireOutput(directory, options.output());
        int values = options.valuesPerCandidate();
        try {
            YoloPoseDecoder.layout(output.shape(), values);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(directory + ": output '" + output.name() + "' has shape "
                    + Arrays.toString(output.shape()) + ", expected [1, " + values + ", N] or [1, N, " + values
                    + "] (4 box values + " + options.classes().size() + " classes " + options.classes() + " + 3 x "
                    + options.keypoints() + " keypoints)");
        }
        TensorContract input = new TensorContract(offered.input().name(), 1, options.input().height(),
                options.input().width(), 3);
        return new ModelContract(SIGNATURE, input, List.of(output));
    }

    @Override
    public List<HandRegion> detect(RgbImage image, double rotation, float minScore) {
        return predictor.predict(translator.request(image, rotation, minScore));
    }

    @Override
    public ModelTimings lastTimings() {
        return predictor.lastTimings();
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

    /** Candidates per run (N). */
    public int candidates() {
        return YoloPoseDecoder.candidateCount(runner.contract().outputs().get(0).shape(), values);
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
