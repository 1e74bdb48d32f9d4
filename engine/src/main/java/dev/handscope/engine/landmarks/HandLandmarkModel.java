package dev.handscope.engine.landmarks;

import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.SavedModelRunner;
import dev.handscope.engine.inference.TensorContract;
import java.nio.file.Path;
import java.util.List;

/**
 * The hand landmark model: warps a rotated rectangle of the image to 224x224, runs the model and
 * maps the 21 landmarks back to the image. Buffers are reused from call to call; one instance per
 * inference thread.
 */
public final class HandLandmarkModel implements AutoCloseable {
    public static final int INPUT_SIZE = 224;
    public static final ModelContract CONTRACT = new ModelContract("serving_default",
            new TensorContract("image", 1, INPUT_SIZE, INPUT_SIZE, 3),
            List.of(new TensorContract("landmarks", 1, 63), new TensorContract("presence", 1, 1),
                    new TensorContract("handedness", 1, 1), new TensorContract("world_landmarks", 1, 63)));

    private final SavedModelRunner runner;
    private final ModelInputWarp crop = new ModelInputWarp(INPUT_SIZE);
    private long preprocessNanos;
    private long inferenceNanos;

    private HandLandmarkModel(SavedModelRunner runner) {
        this.runner = runner;
    }

    public static HandLandmarkModel load(Path directory, RuntimeOptions options) throws ModelLoadException {
        return new HandLandmarkModel(SavedModelRunner.load(directory, CONTRACT, options));
    }

    /** Runs the model on one rotated rectangle of the image. */
    public HandLandmarks detect(RgbImage image, RotatedRect rect) {
        long start = System.nanoTime();
        CropGeometry geometry = new CropGeometry(rect, image.width(), image.height(), INPUT_SIZE);
        crop.warp(image, geometry.cropToImageAffine(), runner.input());
        long inferenceStart = System.nanoTime();
        runner.run();
        long end = System.nanoTime();
        preprocessNanos = inferenceStart - start;
        inferenceNanos = end - inferenceStart;
        return LandmarkDecoder.decode(geometry, runner.output(0), runner.output(1)[0], runner.output(2)[0],
                runner.output(3));
    }

    /** The 224x224 RGB crop of the last call (for debugging views). */
    public byte[] lastCrop() {
        return crop.lastBytes();
    }

    public long lastPreprocessNanos() {
        return preprocessNanos;
    }

    public long lastInferenceNanos() {
        return inferenceNanos;
    }

    public SavedModelRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
        crop.close();
    }
}
