package dev.handscope.app.cli;

import dev.handscope.app.export.FrameJson;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.result.FrameResult;
import java.io.IOException;
import java.nio.file.Path;
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
            try (HandPipeline pipeline = options.loadPipeline(spec.commandLine().getErr())) {
                FrameResult result = rect == null ? pipeline.process(picture, 0, 0)
                        : pipeline.processRegion(picture, rect);
                try {
                    spec.commandLine().getOut().println(FrameJson.resultLine(result, -1));
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
