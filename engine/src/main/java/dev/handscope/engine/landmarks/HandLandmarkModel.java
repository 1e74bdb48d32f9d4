package dev.handscope.engine.landmarks;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.model.ModelView;
import dev.handscope.engine.model.Predictor;
import java.nio.file.Path;
import java.util.List;

/**
 * MediaPipe's hand landmark model as a {@link HandLandmarker}: 21 landmarks, world landmarks,
 * presence and handedness from one rotated crop. Buffers are reused from call to call; one instance
 * per inference thread.
 */
public final class HandLandmarkModel implements HandLandmarker {
    public static final int INPUT_SIZE = 224;
    public static final ModelContract CONTRACT = new ModelContract("serving_default",
            new TensorContract("image", 1, INPUT_SIZE, INPUT_SIZE, 3),
            List.of(new TensorContract("landmarks", 1, 63), new TensorContract("presence", 1, 1),
                    new TensorContract("handedness", 1, 1), new TensorContract("world_landmarks", 1, 63)));

    private final ModelRunner runner;
    private final LandmarkTranslator translator = new LandmarkTranslator();
    private final Predictor<LandmarkTranslator.Request, CropGeometry, HandLandmarks> predictor;

    private HandLandmarkModel(ModelRunner runner) {
        this.runner = runner;
        this.predictor = new Predictor<>(runner, translator);
    }

    public static HandLandmarkModel load(Path directory, RuntimeOptions options) throws ModelLoadException {
        return new HandLandmarkModel(ModelRunners.load(directory, CONTRACT, options));
    }

    @Override
    public HandLandmarks landmark(RgbImage image, RotatedRect region) {
        return predictor.predict(new LandmarkTranslator.Request(image, region));
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

    @Override
    public ModelView lastView() {
        float[][] outputs = new float[CONTRACT.outputs().size()][];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = runner.output(i).clone();
        }
        return new ModelView(translator.lastCrop().clone(), INPUT_SIZE, outputs);
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
