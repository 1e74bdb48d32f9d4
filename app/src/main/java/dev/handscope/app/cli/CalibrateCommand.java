package dev.handscope.app.cli;

import dev.handscope.app.settings.CalibrationStore;
import dev.handscope.engine.calibration.BoardFinder;
import dev.handscope.engine.calibration.CalibrationViews;
import dev.handscope.engine.calibration.CameraCalibration;
import dev.handscope.engine.calibration.Checkerboard;
import dev.handscope.engine.capture.CaptureException;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.FramePool;
import dev.handscope.engine.capture.FrameSource;
import dev.handscope.engine.capture.FrameSources;
import dev.handscope.engine.capture.SourceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handscope calibrate --source SRC --board 9x6 --square-mm 25 [--camera-name NAME]}: finds a
 * printed checkerboard in the source's frames, keeps views spread over the image, solves for the
 * camera and saves it for {@code --camera-name}. Nothing is saved when too few views were found.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Calibrate a camera from a printed checkerboard (camera, video or folder of images) and save it"
                + " for --camera-name.")
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--source", required = true, paramLabel = "SRC",
            description = "Camera index (0), camera device, video file or folder of images showing the board.")
    String source;

    @Option(names = "--board", paramLabel = "COLSxROWS", defaultValue = "9x6",
            description = "Inner corners of the board (a board of 10 x 7 squares has 9x6). Default: ${DEFAULT-VALUE}.")
    String board;

    @Option(names = "--square-mm", paramLabel = "MM", defaultValue = "25",
            description = "Side of one printed square, millimetres (measure it). Default: ${DEFAULT-VALUE}.")
    double squareMm;

    @Option(names = "--camera-name", paramLabel = "NAME",
            description = "Name to save the calibration under. Default: camera-INDEX for a camera, else the file's"
                    + " name.")
    String cameraName;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "900",
            description = "Frames to look at, at most (a camera: about 30 s). Default: ${DEFAULT-VALUE}.")
    int maxFrames;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        OptionRanges.number("--square-mm", squareMm, 1, 1000, "mm");
        OptionRanges.wholeNumber("--max-frames", maxFrames, 1, 1_000_000);
        Checkerboard pattern;
        try {
            pattern = Checkerboard.parse(board, squareMm);
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.USAGE, "--board: " + e.getMessage());
        }
        SourceSpec sourceSpec = SourceSpec.parse(source);
        String name = cameraName != null ? cameraName : CalibrationStore.defaultName(sourceSpec);
        if (!CalibrationStore.isName(name)) {
            throw new UserError(UserError.USAGE, "--camera-name " + name + ": letters, digits, '.', '-' or '_'");
        }
        PrintWriter err = spec.commandLine().getErr();
        CalibrationViews views = null;
        int frames = 0;
        try (FrameSource frameSource = FrameSources.open(sourceSpec)) {
            BoardFinder finder = new BoardFinder(pattern);
            Frame frame = new FramePool(2).acquire(1, TimeUnit.SECONDS);
            try {
                while (frames < maxFrames && frameSource.read(frame)) {
                    frames++;
                    if (views == null) {
                        views = new CalibrationViews(pattern, frame.width(), frame.height());
                    }
                    float[] corners = finder.find(frame.rgb(), frame.width(), frame.height());
                    if (corners != null && views.offer(corners)) {
                        err.printf(Locale.ROOT, "handscope calibrate: frame %d: view %d kept, %.0f%% of the image"
                                + " covered%n", frames, views.count(), 100 * views.coverage());
                        err.flush();
                    }
                    if (views.count() >= CalibrationViews.MAX_VIEWS) {
                        break;
                    }
                }
            } finally {
                frame.release();
            }
        } catch (CaptureException e) {
            throw new UserError(UserError.FAILED, "--source " + source + ": " + e.getMessage(), e);
        }
        if (views == null || views.count() < 3) {
            throw new UserError(UserError.FAILED, "no usable checkerboard: " + (views == null ? 0 : views.count())
                    + " view(s) of a " + board + " board (inner corners) in " + frames + " frame(s) of " + source
                    + ", at least 3 are needed; nothing saved. Show the whole board, flat and sharp, at several"
                    + " angles and places in the image (check --board counts inner corners).");
        }
        CameraCalibration calibration = views.calibrate();
        Path file;
        try {
            file = CalibrationStore.standard().save(name, calibration, views.coverage());
        } catch (IOException e) {
            throw OutputTargets.cannotWrite(CalibrationStore.standard().file(name), e, "");
        }
        double[] d = calibration.distortion();
        spec.commandLine().getOut().printf(Locale.ROOT, "camera %s: %dx%d, fx %.1f fy %.1f px, principal point"
                        + " (%.1f, %.1f), distortion k1 %.4f k2 %.4f p1 %.5f p2 %.5f k3 %.4f; RMS reprojection %.3f px"
                        + " over %d views, %.0f%% of the image covered -> %s%n", name, calibration.width(),
                calibration.height(), calibration.fx(), calibration.fy(), calibration.cx(), calibration.cy(), d[0],
                d[1], d[2], d[3], d[4], calibration.rmsPx(), calibration.views(), 100 * views.coverage(), file);
        if (views.coverage() < 0.5) {
            err.println("handscope calibrate: warning: the board covered under half the image; distortion toward the"
                    + " edges is guessed. Calibrate again showing the board near the edges and corners too.");
        }
        return 0;
    }
}
