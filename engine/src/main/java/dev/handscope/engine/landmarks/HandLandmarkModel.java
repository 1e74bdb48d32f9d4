package dev.handscope.engine.landmarks;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.SavedModelRunner;
import dev.handscope.engine.inference.TensorContract;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

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
    private static final float INV_255 = 1f / 255f;

    private final SavedModelRunner runner;
    private final Mat affine = new Mat(2, 3, CV_64F);
    private final DoubleIndexer affineValues = affine.createIndexer();
    private final Mat crop = new Mat();
    private final Size cropSize = new Size(INPUT_SIZE, INPUT_SIZE);
    private final Scalar black = new Scalar(0.0);
    private final byte[] cropBytes = new byte[INPUT_SIZE * INPUT_SIZE * 3];
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
        cropInto(image, geometry, runner.input());
        long inferenceStart = System.nanoTime();
        runner.run();
        long end = System.nanoTime();
        preprocessNanos = inferenceStart - start;
        inferenceNanos = end - inferenceStart;
        return LandmarkDecoder.decode(geometry, runner.output(0), runner.output(1)[0], runner.output(2)[0],
                runner.output(3));
    }

    /** Writes the model's view of the rectangle, RGB in [0, 1], into {@code input}. */
    private void cropInto(RgbImage image, CropGeometry geometry, float[] input) {
        double[] m = geometry.cropToImageAffine();
        for (int i = 0; i < 6; i++) {
            affineValues.put(i / 3, i % 3, m[i]);
        }
        warpAffine(image.mat(), crop, affine, cropSize, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, black);
        crop.data().get(cropBytes);
        for (int i = 0; i < cropBytes.length; i++) {
            input[i] = (cropBytes[i] & 0xff) * INV_255;
        }
    }

    /** The 224x224 RGB crop of the last call (for debugging views). */
    public byte[] lastCrop() {
        return cropBytes;
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
        affineValues.close();
        affine.close();
        crop.close();
        cropSize.close();
        black.close();
    }
}
