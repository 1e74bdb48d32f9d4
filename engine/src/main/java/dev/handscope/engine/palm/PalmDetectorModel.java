package dev.handscope.engine.palm;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.model.Predictor;
import java.nio.file.Path;
import java.util.List;

/**
 * MediaPipe's palm detector as a {@link HandDetector}: palms with their 7 keypoints, each with the
 * crop the landmark model should see. One instance per inference thread.
 */
public final class PalmDetectorModel implements HandDetector {
    public static final int INPUT_SIZE = 192;
    public static final ModelContract CONTRACT = new ModelContract("serving_default",
            new TensorContract("image", 1, INPUT_SIZE, INPUT_SIZE, 3),
            List.of(new TensorContract("boxes", 1, 2016, PalmDecoder.VALUES_PER_ANCHOR),
                    new TensorContract("scores", 1, 2016, 1)));
    /** MediaPipe's suppression threshold for palms. */
    public static final float IOU_THRESHOLD = 0.3f;

    private final ModelRunner runner;
    private final PalmTranslator translator = new PalmTranslator();
    private final Predictor<PalmTranslator.Request, PalmTranslator.Request, List<HandRegion>> predictor;

    private PalmDetectorModel(ModelRunner runner) {
        this.runner = runner;
        this.predictor = new Predictor<>(runner, translator);
    }

    public static PalmDetectorModel load(Path directory, RuntimeOptions options) throws ModelLoadException {
        return new PalmDetectorModel(ModelRunners.load(directory, CONTRACT, options));
    }

    @Override
    public List<HandRegion> detect(RgbImage image, double rotation, float minScore) {
        return predictor.predict(new PalmTranslator.Request(image, rotation, minScore));
    }

    @Override
    public ModelTimings lastTimings() {
        return predictor.lastTimings();
    }

    @Override
    public long nonFiniteOutputs() {
        return translator.nonFinite();
    }

    @Override
    public String runtime() {
        return runner.description();
    }

    @Override
    public void shareCores(boolean shared) {
        runner.besideOthers(shared);
    }

    /** Where it runs. */
    public dev.handscope.engine.inference.InferenceDevice device() {
        return runner.device();
    }

    @Override
    public void close() {
        runner.close();
        translator.close();
    }
}
