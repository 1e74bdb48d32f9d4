package dev.handscope.engine.family.heatmap;

import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.InputSpec;
import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.SavedModelRunner;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.landmarks.CropGeometry;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.ModelRuntime;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.model.ModelView;
import dev.handscope.engine.model.Predictor;
import dev.handscope.engine.model.Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the top-down families share: the crop ({@link TopDownCrop}), the warp to the model input, one
 * timed {@link Predictor} run, and the answer's assembly: landmarks reordered through the keypoint map,
 * presence = mean keypoint score (clamped to [0, 1]), handedness unknown (Right, 0.5). A model output with
 * NaN or infinity for a used keypoint gives presence 0 with the landmarks at the crop centre (so the
 * tracker drops the hand) and counts in {@link #nonFiniteOutputs()}. One instance per inference thread.
 */
public abstract sealed class TopDownLandmarker implements HandLandmarker
        permits HeatmapLandmarker, SimccLandmarker, Heatmap25dLandmarker {
    /** What these families say about handedness: nothing. */
    public static final Handedness UNKNOWN_HANDEDNESS = new Handedness(Handedness.RIGHT, 0.5);
    static final String SIGNATURE = "serving_default";

    /** One crop to look at. */
    record Request(RgbImage image, RotatedRect region) {
    }

    /** What pre-processing learnt: the crop and the image size. */
    record Crop(CropGeometry geometry, int imageWidth, int imageHeight) {
    }

    private final ModelRunner runner;
    private final TopDownOptions options;
    private final ModelInputWarp warp;
    private final Predictor<Request, Crop, HandLandmarks> predictor;
    private long nonFinite;

    TopDownLandmarker(ModelRunner runner, TopDownOptions options) {
        this.runner = runner;
        this.options = options;
        this.warp = new ModelInputWarp(options.input());
        this.predictor = new Predictor<>(runner, new Translator<>() {
            @Override
            public Crop processInput(Request request, float[] modelInput) {
                RgbImage image = request.image();
                CropGeometry geometry = TopDownCrop.geometry(request.region(), image.width(), image.height(), options);
                warp.warp(image, geometry.cropToImageAffine(), modelInput);
                return new Crop(geometry, image.width(), image.height());
            }

            @Override
            public HandLandmarks processOutput(Crop crop, ModelRuntime outputs) {
                return decode(crop, outputs);
            }
        });
    }

    /** Decodes one run's outputs for {@code crop}. */
    abstract HandLandmarks decode(Crop crop, ModelRuntime outputs);

    @Override
    public HandLandmarks landmark(RgbImage image, RotatedRect region) {
        return predictor.predict(new Request(image, region));
    }

    /**
     * The answer for 21 keypoints in model input pixels (u, v) with depths (z, image-normalised like x)
     * and scores, already in landmark order. {@code world} null: the 2D approximation.
     */
    HandLandmarks assemble(Crop crop, float[] inputXyz, double[] scores, float[] world) {
        float[] image = new float[HandTopology.LANDMARKS * 3];
        crop.geometry().cropToImage(inputXyz, image, 1);
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            image[3 * i + 2] = inputXyz[3 * i + 2];
        }
        double presence = Arrays.stream(scores).average().orElse(0);
        presence = Math.max(0, Math.min(1, presence));
        float[] metric = world != null ? world
                : TopDownCrop.approximateWorld(image, crop.imageWidth(), crop.imageHeight(), TopDownCrop.APPROXIMATE_BONE);
        return new HandLandmarks(Landmarks.of(image), Landmarks.of(metric), presence, UNKNOWN_HANDEDNESS,
                crop.geometry().squareRect());
    }

    /** The answer for outputs with NaN or infinity: presence 0, every landmark at the crop centre. */
    HandLandmarks dropped(Crop crop) {
        nonFinite++;
        RotatedRect square = crop.geometry().squareRect();
        float[] image = new float[HandTopology.LANDMARKS * 3];
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            image[3 * i] = (float) square.centerX();
            image[3 * i + 1] = (float) square.centerY();
        }
        return new HandLandmarks(Landmarks.of(image), Landmarks.of(new float[image.length]), 0, UNKNOWN_HANDEDNESS,
                square);
    }

    /** How many calls so far met NaN or infinity in the model's output (and answered presence 0). */
    @Override
    public long nonFiniteOutputs() {
        return nonFinite;
    }

    @Override
    public String runtime() {
        return runner.description();
    }

    @Override
    public void shareCores(boolean shared) {
        runner.besideOthers(shared);
    }

    public TopDownOptions topDown() {
        return options;
    }

    @Override
    public ModelTimings lastTimings() {
        return predictor.lastTimings();
    }

    @Override
    public ModelView lastView() {
        int count = runner.contract().outputs().size();
        float[][] outputs = new float[count][];
        for (int i = 0; i < count; i++) {
            outputs[i] = runner.output(i).clone();
        }
        return new ModelView(warp.lastBytes().clone(), options.input().width(), outputs);
    }

    public ModelRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
        warp.close();
    }

    /**
     * Reads the model's signature: its one input must be [1, H, W, 3] for the options' square input, and
     * each named output must exist with a static shape. Returns the contract with the outputs' shapes as
     * found, for the family to check.
     */
    static ModelContract contract(Path directory, InputSpec input, String... outputNames) throws ModelLoadException {
        if (input.width() != input.height()) {
            throw new ModelLoadException(directory + ": top-down families take a square input, the options say "
                    + input.width() + "x" + input.height());
        }
        ModelContract found = SavedModelRunner.describe(directory, SIGNATURE);
        long[] expectedInput = {1, input.height(), input.width(), 3};
        if (!Arrays.equals(found.input().shape(), expectedInput)) {
            throw new ModelLoadException(directory + ": input '" + found.input().name() + "' has shape "
                    + Arrays.toString(found.input().shape()) + ", expected " + Arrays.toString(expectedInput));
        }
        List<TensorContract> outputs = new ArrayList<>();
        for (String name : outputNames) {
            outputs.add(found.requireOutput(directory, name));
        }
        return new ModelContract(SIGNATURE, new TensorContract(found.input().name(), expectedInput), outputs);
    }

    /**
     * Refuses an output whose shape differs from {@code expected}, where -1 in expected means any positive
     * size; the message names the directory, the output and expected against got.
     */
    static void requireShape(Path directory, TensorContract output, long[] expected, String what)
            throws ModelLoadException {
        long[] got = output.shape();
        boolean ok = got.length == expected.length;
        for (int i = 0; ok && i < got.length; i++) {
            ok = expected[i] < 0 ? got[i] > 0 : got[i] == expected[i];
        }
        if (!ok) {
            String wanted = Arrays.toString(Arrays.stream(expected).mapToObj(d -> d < 0 ? "?" : Long.toString(d))
                    .toArray());
            throw new ModelLoadException(directory + ": output '" + output.name() + "' has shape "
                    + Arrays.toString(got) + ", expected " + wanted + " (" + what + ")");
        }
    }
}
