package dev.handscope.engine.face;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.landmarks.CropGeometry;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.ModelRuntime;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.model.Predictor;
import dev.handscope.engine.model.Translator;
import java.nio.file.Path;
import java.util.List;

/**
 * MediaPipe's face mesh landmark model (face_landmark.tflite, without attention): a rotated square
 * crop resampled to 192x192 as RGB in [0, 1]; 468 landmarks in crop pixels projected back to the
 * image (z divided by 192 and scaled by the crop width, as TensorsToLandmarks with normalize_z 1
 * and LandmarkProjection do), and the face presence as the sigmoid of the model's flag. One
 * instance per inference thread.
 */
public final class FaceLandmarkModel implements FaceLandmarker {
    public static final int INPUT_SIZE = 192;
    public static final ModelContract CONTRACT = new ModelContract("serving_default",
            new TensorContract("image", 1, INPUT_SIZE, INPUT_SIZE, 3),
            List.of(new TensorContract("landmarks", 1, 1, 1, FaceLandmarks.COUNT * 3),
                    new TensorContract("presence", 1, 1, 1, 1)));
    /** TensorsToLandmarks normalize_z (the face graphs leave it at its default). */
    public static final double Z_SCALE = 1.0;
    /** The graph's ThresholdingCalculator threshold on the presence score. */
    public static final float MIN_PRESENCE = 0.5f;

    private final ModelRunner runner;
    private final LandmarkTranslator translator = new LandmarkTranslator();
    private final Predictor<Request, CropGeometry, FaceLandmarks> predictor;

    private FaceLandmarkModel(ModelRunner runner) {
        this.runner = runner;
        this.predictor = new Predictor<>(runner, translator);
    }

    /** Loads the SavedModel in {@code directory}; a missing or wrong model is a ModelLoadException naming it. */
    public static FaceLandmarkModel load(Path directory, RuntimeOptions options) throws ModelLoadException {
        return new FaceLandmarkModel(ModelRunners.load(directory, CONTRACT, options));
    }

    @Override
    public FaceLandmarks landmark(RgbImage image, RotatedRect region) {
        return predictor.predict(new Request(image, region));
    }

    @Override
    public ModelTimings lastTimings() {
        return predictor.lastTimings();
    }

    @Override
    public void close() {
        runner.close();
        translator.close();
    }

    record Request(RgbImage image, RotatedRect rect) {
    }

    /** Raw outputs of one crop -> landmarks in image coordinates and the presence probability. */
    static FaceLandmarks decode(CropGeometry geometry, float[] cropLandmarks, float presenceLogit) {
        if (cropLandmarks.length != FaceLandmarks.COUNT * 3) {
            throw new IllegalArgumentException("expected " + FaceLandmarks.COUNT * 3 + " landmark values, got "
                    + cropLandmarks.length);
        }
        float[] image = new float[FaceLandmarks.COUNT * 3];
        geometry.cropToImage(cropLandmarks, image, Z_SCALE);
        float presence = (float) (1 / (1 + Math.exp(-presenceLogit)));
        return new FaceLandmarks(Landmarks.of(image), presence, geometry.squareRect());
    }

    /** Warp the rotated square to 192x192; project the landmarks back. */
    static final class LandmarkTranslator implements Translator<Request, CropGeometry, FaceLandmarks>, AutoCloseable {
        private final ModelInputWarp crop = new ModelInputWarp(INPUT_SIZE);

        @Override
        public CropGeometry processInput(Request request, float[] modelInput) {
            RgbImage image = request.image();
            CropGeometry geometry = new CropGeometry(request.rect(), image.width(), image.height(), INPUT_SIZE);
            crop.warp(image, geometry.cropToImageAffine(), modelInput);
            return geometry;
        }

        @Override
        public FaceLandmarks processOutput(CropGeometry geometry, ModelRuntime outputs) {
            return decode(geometry, outputs.output(0), outputs.output(1)[0]);
        }

        @Override
        public void close() {
            crop.close();
        }
    }
}
