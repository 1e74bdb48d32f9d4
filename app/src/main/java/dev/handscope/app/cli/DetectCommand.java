package dev.handscope.app.cli;

import dev.handscope.app.export.FrameJson;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.landmarks.HandLandmarkModel;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.tracking.FrameTimings;
import dev.handscope.engine.tracking.TrackedHand;
import dev.handscope.engine.tracking.TrackingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handscope detect --image FILE}: the hands of one image as one JSON object. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find the hands in one image and print them as one JSON object.")
final class DetectCommand implements Callable<Integer> {

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The image (jpg, png, ...).")
    Path image;

    @Option(names = "--roi", paramLabel = "cx,cy,w,h,rot",
            description = "Skip the palm detector: run the landmark model on this rectangle (normalised to the image,"
                    + " rotation in radians).")
    String roi;

    @Mixin
    PipelineOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        options.check();
        RotatedRect rect = roi == null ? null : roi();
        try (RgbImage picture = ImageArgument.read(image, "detect", spec.commandLine().getErr())) {
            if (picture == null) {
                return 1;
            }
            try (HandPipeline pipeline = options.loadPipeline()) {
                List<TrackedHand> hands;
                FrameTimings timings;
                if (rect == null) {
                    TrackingResult result = pipeline.process(picture, 0, 0);
                    hands = result.hands();
                    timings = result.timings();
                } else {
                    long start = System.nanoTime();
                    HandLandmarkModel model = pipeline.landmarkModel();
                    HandLandmarks found = model.detect(picture, rect);
                    long total = System.nanoTime() - start;
                    hands = List.of(new TrackedHand(0, found, found.landmarks(), found.worldLandmarks(),
                            found.handedness(), found.presence(), found.rect(), 0, null,
                            dev.handscope.engine.gesture.GestureClassifier.classify(found.landmarks(),
                                    found.worldLandmarks(), picture.width(), picture.height())));
                    timings = new FrameTimings(model.lastPreprocessNanos(), 0, model.lastInferenceNanos(),
                            Math.max(0, total - model.lastPreprocessNanos() - model.lastInferenceNanos()));
                }
                try {
                    spec.commandLine().getOut().println(FrameJson.resultLine(-1, 0, picture.width(), picture.height(), hands,
                            timings, 0));
                } catch (IllegalStateException e) {
                    throw new UserError(UserError.FAILED, e.getMessage(), e);
                }
                return 0;
            } catch (ModelLoadException e) {
                spec.commandLine().getErr().println("handscope detect: " + e.getMessage());
                return 1;
            }
        }
    }

    /** The --roi rectangle: five finite numbers, a positive width and height. */
    private RotatedRect roi() {
        try {
            RotatedRect rect = RotatedRect.parse(roi);
            if (Double.isFinite(rect.centerX() + rect.centerY() + rect.width() + rect.height() + rect.rotation())) {
                return rect;
            }
        } catch (IllegalArgumentException e) {
            // the same message for every way of getting it wrong
        }
        throw new UserError(UserError.USAGE, "--roi must be five finite numbers cx,cy,w,h,rot with w and h above 0"
                + " (got " + roi + ")");
    }
}
