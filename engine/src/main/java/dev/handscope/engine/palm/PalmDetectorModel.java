package dev.handscope.engine.palm;

import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.SavedModelRunner;
import dev.handscope.engine.inference.TensorContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The palm detector: letterboxes the image to 192x192, runs the model, decodes the 2016 anchors
 * and maps the palms back to the image. One instance per inference thread.
 */
public final class PalmDetectorModel implements AutoCloseable {
    public static final int INPUT_SIZE = 192;
    public static final ModelContract CONTRACT = new ModelContract("serving_default",
            new TensorContract("image", 1, INPUT_SIZE, INPUT_SIZE, 3),
            List.of(new TensorContract("boxes", 1, 2016, PalmDecoder.VALUES_PER_ANCHOR),
                    new TensorContract("scores", 1, 2016, 1)));
    /** MediaPipe's suppression threshold for palms. */
    public static final float IOU_THRESHOLD = 0.3f;
    private static final List<SsdAnchors.Anchor> ANCHORS = SsdAnchors.generate(SsdAnchors.PALM_192);

    private final SavedModelRunner runner;
    private final ModelInputWarp letterbox = new ModelInputWarp(INPUT_SIZE);
    private long preprocessNanos;
    private long inferenceNanos;
    private long postprocessNanos;

    private PalmDetectorModel(SavedModelRunner runner) {
        this.runner = runner;
    }

    public static PalmDetectorModel load(Path directory, RuntimeOptions options) throws ModelLoadException {
        return new PalmDetectorModel(SavedModelRunner.load(directory, CONTRACT, options));
    }

    /**
     * Palms in the image, best first, in image-normalised coordinates.
     *
     * @param rotation how the image content is turned (radians, clockwise); the model sees it upright
     * @param minScore palm probability below which detections are dropped
     */
    public List<PalmDetection> detect(RgbImage image, double rotation, float minScore) {
        long start = System.nanoTime();
        LetterboxGeometry geometry = new LetterboxGeometry(image.width(), image.height(), rotation, INPUT_SIZE);
        letterbox.warp(image, geometry.modelToImageAffine(), runner.input());
        long inferenceStart = System.nanoTime();
        runner.run();
        long postStart = System.nanoTime();
        PalmDecoder decoder = new PalmDecoder(ANCHORS, INPUT_SIZE, minScore, IOU_THRESHOLD);
        List<PalmDetection> palms = new ArrayList<>();
        for (PalmDetection palm : decoder.decode(runner.output(0), runner.output(1))) {
            palms.add(geometry.toImage(palm));
        }
        long end = System.nanoTime();
        preprocessNanos = inferenceStart - start;
        inferenceNanos = postStart - inferenceStart;
        postprocessNanos = end - postStart;
        return palms;
    }

    public long lastPreprocessNanos() {
        return preprocessNanos;
    }

    public long lastInferenceNanos() {
        return inferenceNanos;
    }

    public long lastPostprocessNanos() {
        return postprocessNanos;
    }

    @Override
    public void close() {
        runner.close();
        letterbox.close();
    }
}
