package dev.handscope.app.cli;

import dev.handscope.app.setup.DatasetSource;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowLauncher;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.stream.OriginPolicy;
import dev.handscope.app.stream.StreamOptions;
import dev.handscope.engine.capture.CaptureOptions;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.eval.KeypointOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code handscope [options]}: the window on a camera, a video, an image or a folder of images. */
@Command(name = "handscope", mixinStandardHelpOptions = true, version = "HandScope 0.1.0",
        subcommands = {CamerasCommand.class, DetectCommand.class, TrackCommand.class, BenchCommand.class, MeshCommand.class,
                ConvertCommand.class, BenchModelsCommand.class, EvaluateCommand.class, ExportCommand.class, CalibrateCommand.class}, sortOptions = false,
        description = {"Watches a camera or a file, finds hands and shows them live.",
                "With no options it opens the default webcam."})
public final class HandScopeCommand implements Callable<Integer> {
    private final WindowLauncher window;

    /** @param window how to open the window (the subcommands need none) */
    public HandScopeCommand(WindowLauncher window) {
        this.window = window;
    }

    @Option(names = "--source", paramLabel = "SRC", defaultValue = "0",
            description = "Camera index (0), camera device (/dev/video2), video file, image, folder of images,"
                    + " or a labelled dataset (COCO-keypoint FILE.json) to browse worst first. Default: ${DEFAULT-VALUE}.")
    String source;

    @Option(names = "--images", paramLabel = "DIR",
            description = "With a dataset --source FILE.json: the folder of its images. Default: the JSON file's folder.")
    Path images;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "mediapipe",
            description = "With a dataset --source FILE.json: its keypoint order, mediapipe (also COCO-WholeBody)"
                    + " or rhd. Default: ${DEFAULT-VALUE}.")
    String order;

    @Option(names = "--mirror", negatable = true,
            description = "Mirror the display (selfie view). Default: on for cameras, off for files."
                    + " Tracking always sees the unmirrored image.")
    Boolean mirror;

    @Option(names = "--no-pace", description = "Play files as fast as possible instead of at their native frame rate.")
    boolean noPace;

    @Option(names = "--loop", description = "Start a video, image folder or image sequence again at its end.")
    boolean loop;

    @Option(names = "--fps", paramLabel = "RATE", defaultValue = "30",
            description = "Frames per second for sources without a rate of their own (an image, a folder),"
                    + " above 0 and at most 1000. Default: ${DEFAULT-VALUE}.")
    double stillFrameRate;

    @Option(names = "--snapshot", paramLabel = "OUT.png",
            description = "Render the window, write a PNG of it after --snapshot-after frames, then exit.")
    Path snapshot;

    @Option(names = "--snapshot-after", paramLabel = "N", defaultValue = "30",
            description = "Frames to show before the snapshot. Default: ${DEFAULT-VALUE}.")
    int snapshotAfter;

    @Option(names = "--no-tracking", description = "Show the video only: do not load the hand models.")
    boolean noTracking;

    @Option(names = "--fov", paramLabel = "DEGREES", defaultValue = "60",
            description = "Horizontal field of view of the camera, for placing the 3D meshes, 10 to 150 degrees."
                    + " Default: ${DEFAULT-VALUE}.")
    double fov;

    @Option(names = "--mano", paramLabel = "DIR",
            description = "Folder with your own MANO_RIGHT.pkl and MANO_LEFT.pkl: use MANO's hand for the meshes.")
    Path mano;

    @Option(names = "--compare", paramLabel = "DIR",
            description = "A model folder (SavedModel with model.json, any landmark or one-stage family) to compare against in the window's A/B view."
                    + " Default: the other bundled variant.")
    Path compare;

    @Option(names = "--serve", arity = "0..1", paramLabel = "PORT", fallbackValue = "8765",
            description = "Stream hands and gesture events over WebSocket (default port 8765, on 127.0.0.1).")
    Integer serve;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address for --serve. Anything but loopback exposes your hands to the network.")
    String bind;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN",
            description = "Let the web page at ORIGIN (e.g. https://example.org) read the --serve stream; pages on"
                    + " this computer (localhost, files) always may, others are refused. Repeatable.")
    List<String> allowOrigins = new ArrayList<>();

    @Mixin
    PipelineOptions tracking;

    @Mixin
    CameraOptions camera;

    @Mixin
    UdpOutputOptions outputs;

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "On an error, also print its stack trace (for bug reports). Or set HANDSCOPE_DEBUG=1.")
    boolean debug;

    @Override
    public Integer call() {
        return window.run(windowOptions());
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Whether any model or tracker option was typed (then it wins over the window's saved settings). */
    private boolean explicitTracking() {
        if (spec == null || spec.commandLine().getParseResult() == null) {
            return false;
        }
        return spec.commandLine().getParseResult().matchedOptions().stream().anyMatch(option -> java.util.Set.of(
                "--num-hands", "--model", "--min-detection-confidence", "--min-presence-confidence",
                "--min-tracking-confidence", "--redetect-interval", "--no-smoothing", "--smoothing-min-cutoff",
                "--smoothing-beta").contains(option.longestName()));
    }

    /** The window settings these options describe, after checking each against its range. */
    WindowOptions windowOptions() {
        tracking.check();
        OptionRanges.above("--fps", stillFrameRate, 0, 1000);
        OptionRanges.wholeNumber("--snapshot-after", snapshotAfter, 1, 1_000_000);
        if (snapshot != null) {
            OutputTargets.requireSnapshot(snapshot);
        }
        CaptureOptions capture = CaptureOptions.defaults().withPace(!noPace).withLoop(loop)
                .withStillFrameRate(stillFrameRate);
        TrackingSetup setup = new TrackingSetup(!noTracking, tracking.variant(), tracking.runtime(), tracking.tracker(),
                MeshCommand.fov(fov), mano, explicitTracking(), compare, tracking.gestures, tracking.modelFolder(),
                tracking.detector, tracking.faces(), tracking.facesGiven(), tracking.faceModels,
                camera.calibration(), camera.handSizeMetres());
        StreamOptions stream = null;
        if (serve != null) {
            var address = new java.net.InetSocketAddress(bind, serve);
            if (address.isUnresolved()) {
                throw new UserError(UserError.USAGE, "--bind " + bind + " is not an address of this machine (it does"
                        + " not resolve); use 127.0.0.1 (this machine only) or one of its network addresses");
            }
            if (!address.getAddress().isLoopbackAddress()) {
                System.err.println("handscope: warning: --bind " + bind + " makes the hand stream reachable from other"
                        + " machines on the network.");
            }
            stream = new StreamOptions(address, new OriginPolicy(allowOrigins));
        }
        WindowOptions options = new WindowOptions(SourceSpec.parse(source), mirror, capture, snapshot, snapshotAfter,
                setup, stream);
        // Warnings go where --bind's do.
        return options.withDataset(dataset()).withOutputs(
                outputs.settings(new java.io.PrintWriter(System.err, true)));
    }

    /** The dataset --source names (a .json file), or null; --images and --order need one. */
    private DatasetSource dataset() {
        boolean orderGiven = spec != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--order");
        if (!DatasetSource.isAnnotationFile(source)) {
            if (images != null || orderGiven) {
                throw new UserError(UserError.USAGE, "--images and --order go with a dataset: --source FILE.json");
            }
            return null;
        }
        KeypointOrder keypoints;
        try {
            keypoints = KeypointOrder.parse(order);
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.USAGE, "--order: " + e.getMessage());
        }
        return DatasetSource.of(Path.of(source.trim()), images, keypoints);
    }
}
