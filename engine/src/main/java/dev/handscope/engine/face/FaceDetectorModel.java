package dev.handscope.engine.face;

import dev.handscope.engine.imaging.InputSpec;
import dev.handscope.engine.imaging.Letterbox;
import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.model.ModelRuntime;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.model.Predictor;
import dev.handscope.engine.model.Translator;
import dev.handscope.engine.palm.SsdAnchors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's short-range face detector (BlazeFace, face_detection_short_range graph): the frame
 * letterboxed to 128x128 (aspect kept, black padding) as RGB in [-1, 1]; 896 anchors decoded and
 * merged by weighted non-max suppression; faces mapped back to the image. One instance per
 * inference thread.
 */
public final class FaceDetectorModel implements FaceDetector {
    public static final int INPUT_SIZE = 128;
    public static final int ANCHOR_COUNT = 896;
    public static final ModelContract CONTRACT = new ModelContract("serving_default",
            new TensorContract("image", 1, INPUT_SIZE, INPUT_SIZE, 3),
            List.of(new TensorContract("boxes", 1, ANCHOR_COUNT, FaceDecoder.VALUES_PER_ANCHOR),
                    new TensorContract("scores", 1, ANCHOR_COUNT, 1)));
    /**
     * The graph's SsdAnchorsCalculator options: 4 layers, strides 8, 16, 16, 16, scales 0.1484375 to
     * 0.75, offset 0.5, aspect ratio 1 plus the interpolated one, fixed anchor size: 896 anchors.
     */
    public static final SsdAnchors.Options ANCHOR_OPTIONS = new SsdAnchors.Options(INPUT_SIZE, INPUT_SIZE, 4,
            0.1484375, 0.75, 0.5, 0.5, new int[] {8, 16, 16, 16}, new double[] {1.0}, 1.0, true);
    /** min_score_thresh of the graph. */
    public static final float MIN_SCORE = 0.5f;
    /** NonMaxSuppression min_suppression_threshold (IoU, WEIGHTED). */
    public static final float IOU_THRESHOLD = 0.3f;
    private static final List<SsdAnchors.Anchor> ANCHORS = SsdAnchors.generate(ANCHOR_OPTIONS);
    /** output_tensor_float_range -1..1: (v - 127.5) / 127.5; black outside the image (BORDER_ZERO). */
    static final InputSpec INPUT = new InputSpec(INPUT_SIZE, INPUT_SIZE, new float[] {127.5f, 127.5f, 127.5f},
            new float[] {127.5f, 127.5f, 127.5f}, false, 0);

    private final ModelRunner runner;
    private final DetectorTranslator translator = new DetectorTranslator();
    private final Predictor<Request, Request, List<FaceDetection>> predictor;

    private FaceDetectorModel(ModelRunner runner) {
        this.runner = runner;
        this.predictor = new Predictor<>(runner, translator);
    }

    /** Loads the SavedModel in {@code directory}; a missing or wrong model is a ModelLoadException naming it. */
    public static FaceDetectorModel load(Path directory, RuntimeOptions options) throws ModelLoadException {
        return new FaceDetectorModel(ModelRunners.load(directory, CONTRACT, options));
    }

    @Override
    public List<FaceDetection> detect(RgbImage image, float minScore) {
        return predictor.predict(new Request(image, minScore,
                new Letterbox(image.width(), image.height(), 0, INPUT_SIZE, INPUT_SIZE)));
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

    record Request(RgbImage image, float minScore, Letterbox letterbox) {
    }

    /** Letterbox to 128x128; decode, suppress, map back to the image. */
    static final class DetectorTranslator implements Translator<Request, Request, List<FaceDetection>>, AutoCloseable {
        private final ModelInputWarp warp = new ModelInputWarp(INPUT);

        @Override
        public Request processInput(Request request, float[] modelInput) {
            warp.warp(request.image(), request.letterbox().modelToImageAffine(), modelInput);
            return request;
        }

        @Override
        public List<FaceDetection> processOutput(Request request, ModelRuntime outputs) {
            FaceDecoder decoder = new FaceDecoder(ANCHORS, INPUT_SIZE, request.minScore(), IOU_THRESHOLD);
            List<FaceDetection> faces = new ArrayList<>();
            for (FaceDetection found : decoder.decode(outputs.output(0), outputs.output(1))) {
                faces.add(toImage(found, request.letterbox()));
            }
            return faces;
        }

        /** Model-normalised -> image-normalised, undoing the letterbox. */
        static FaceDetection toImage(FaceDetection d, Letterbox letterbox) {
            double[] box = letterbox.normalizedBox(d.xmin() * INPUT_SIZE, d.ymin() * INPUT_SIZE,
                    (d.xmin() + d.width()) * INPUT_SIZE, (d.ymin() + d.height()) * INPUT_SIZE);
            float[] keypoints = new float[2 * FaceDetection.KEYPOINTS];
            for (int k = 0; k < FaceDetection.KEYPOINTS; k++) {
                double u = d.keypointX(k) * INPUT_SIZE;
                double v = d.keypointY(k) * INPUT_SIZE;
                keypoints[2 * k] = (float) letterbox.normalizedX(u, v);
                keypoints[2 * k + 1] = (float) letterbox.normalizedY(u, v);
            }
            return new FaceDetection((float) box[0], (float) box[1], (float) box[2], (float) box[3], d.score(),
                    keypoints);
        }

        @Override
        public void close() {
            warp.close();
        }
    }
}
