package dev.handscope.app.eval;

import dev.handscope.engine.eval.Dataset;
import dev.handscope.engine.eval.Evaluator;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.eval.LabelledImage;
import dev.handscope.engine.imaging.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Evaluates models over a dataset: each image is read once and scored by every model under every
 * protocol. A stop request (Ctrl-C) ends the run after the current image, keeping what it has.
 */
public final class EvaluationRun {

    /** Told after each image. */
    @FunctionalInterface
    public interface Progress {
        void imageDone(int done, int total);
    }

    /**
     * What a run produced.
     *
     * @param runs        per model and protocol, the images scored
     * @param skipped     images that could not be read
     * @param interrupted whether the run stopped before the last image
     * @param nanos       wall time of the whole run
     */
    public record Outcome(Dataset dataset, List<ProtocolRun> runs, List<SkippedImage> skipped, boolean interrupted,
                          long nanos) {
        public Outcome {
            runs = List.copyOf(runs);
            skipped = List.copyOf(skipped);
        }

        public int scoredImages() {
            return runs.isEmpty() ? 0 : runs.get(0).images().size();
        }
    }

    private final AtomicBoolean stop = new AtomicBoolean();

    /** Asks a running {@link #run} to stop after its current image (any thread). */
    public void requestStop() {
        stop.set(true);
    }

    public Outcome run(Dataset dataset, List<EvaluatedModel> models, Progress progress) {
        long start = System.nanoTime();
        Map<Evaluator, List<ImageResult>> scores = new LinkedHashMap<>();
        models.forEach(model -> model.evaluators().forEach(evaluator -> scores.put(evaluator, new ArrayList<>())));
        List<SkippedImage> skipped = new ArrayList<>();
        List<LabelledImage> images = dataset.images();
        warmUp(dataset, scores.keySet());
        int done = 0;
        for (LabelledImage image : images) {
            if (stop.get()) {
                break;
            }
            try (RgbImage picture = read(dataset, image, skipped)) {
                if (picture != null) {
                    scores.forEach((evaluator, results) -> results.add(evaluator.evaluate(image, picture)));
                }
            }
            progress.imageDone(++done, images.size());
        }
        List<ProtocolRun> runs = new ArrayList<>();
        for (EvaluatedModel model : models) {
            for (Evaluator evaluator : model.evaluators()) {
                runs.add(new ProtocolRun(model, evaluator.protocol(), scores.get(evaluator)));
            }
        }
        return new Outcome(dataset, runs, skipped, done < images.size(), System.nanoTime() - start);
    }

    /**
     * Runs every evaluator once on the first readable image, unscored: a model's first call builds
     * and optimises its graph (hundreds of milliseconds), which would otherwise count as one image's time.
     */
    private static void warmUp(Dataset dataset, Iterable<Evaluator> evaluators) {
        for (LabelledImage image : dataset.images()) {
            try (RgbImage picture = read(dataset, image, new ArrayList<>())) {
                if (picture != null) {
                    evaluators.forEach(evaluator -> evaluator.evaluate(image, picture));
                    return;
                }
            }
        }
    }

    /** The image's pixels, or null (with why added to {@code skipped}) when its file is missing or undecodable. */
    private static RgbImage read(Dataset dataset, LabelledImage image, List<SkippedImage> skipped) {
        Path file = dataset.imageFolder().resolve(image.fileName());
        if (!Files.isRegularFile(file)) {
            skipped.add(new SkippedImage(image, "no file " + file));
            return null;
        }
        RgbImage picture = RgbImage.read(file);
        if (picture == null) {
            skipped.add(new SkippedImage(image, file + " is not an image OpenCV can decode"));
        }
        return picture;
    }
}
