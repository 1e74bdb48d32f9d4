package dev.handscope.app.cli;

import dev.handscope.app.export.FrameJson;
import dev.handscope.app.osc.UdpOutputSettings;
import dev.handscope.app.osc.UdpOutputs;
import dev.handscope.engine.capture.CaptureException;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.FramePool;
import dev.handscope.engine.capture.VideoFileSource;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.mesh.CameraModel;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.stage.FrameStage;
import dev.handscope.engine.stage.MeshStage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handscope track --video FILE --out results.jsonl}: one JSON line per frame, flushed as
 * written; with {@code --osc} / {@code --vmc} each frame is also sent over UDP (VMC fits meshes).
 */
@Command(name = "track", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Track the hands through a video, writing one JSON object per frame (JSON lines).")
final class TrackCommand implements Callable<Integer> {

    @Option(names = "--video", required = true, paramLabel = "FILE", description = "The video.")
    Path video;

    @Option(names = "--out", required = true, paramLabel = "results.jsonl", description = "Where to write the results.")
    Path out;

    @Option(names = "--fov", paramLabel = "DEGREES", defaultValue = "60",
            description = "Horizontal field of view of the video's camera, for each hand's cameraWrist, 10 to 150"
                    + " degrees. Default: ${DEFAULT-VALUE}.")
    double fov;

    @Mixin
    PipelineOptions options;

    @Mixin
    CameraOptions camera;

    @Mixin
    UdpOutputOptions outputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        options.check();
        CameraModel lens = camera.camera(fov);
        double handSize = camera.handSizeMetres();
        UdpOutputSettings sending = outputs.settings(spec.commandLine().getErr());
        FramePool pool = new FramePool(2);
        long start = System.nanoTime();
        long frames = 0;
        long hands = 0;
        long notSent = 0;
        // The output is opened before the models load, so an unwritable --out is reported at once.
        try (VideoFileSource source = VideoFileSource.open(video);
             BufferedWriter writer = open(out);
             HandPipeline pipeline = options.loadPipeline(spec.commandLine().getErr());
             UdpOutputs udp = UdpOutputs.open(sending)) {
            pipeline.signals().fieldOfView(fov); // camera-space signals as the meshes place hands
            // The window's mesh stage, so that a track of a recording's video gives the recording's results
            // (and VMC has its bones).
            List<FrameStage> meshing = List.of(new MeshStage(options.setup(fov, null).mesher(lens, handSize,
                    warning -> { })));
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            try {
                while (source.read(frame)) {
                    FrameResult result = pipeline.process(frame, meshing);
                    udp.accept(result);
                    String line;
                    try {
                        line = FrameJson.resultLine(result, frames);
                    } catch (IllegalStateException e) {
                        throw new UserError(UserError.FAILED, "frame " + frames + ": " + e.getMessage() + " ("
                                + frames + " frames written to " + out + ")", e);
                    }
                    try {
                        writer.write(line);
                        writer.newLine();
                        writer.flush(); // a crash loses nothing already written
                    } catch (IOException e) {
                        throw OutputTargets.cannotWrite(out, e, " (" + frames + " frames written)");
                    }
                    hands += result.hands().size();
                    frames++;
                }
                notSent = udp.dropped();
            } finally {
                frame.release();
            }
        } catch (CaptureException | ModelLoadException e) {
            spec.commandLine().getErr().println("handscope track: " + e.getMessage()
                    + (frames > 0 ? " (" + frames + " frames written to " + out + ")" : ""));
            return 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getErr().printf(Locale.ROOT, "handscope track: %d frames, %d hands, %.1f frames/s -> %s%s%n",
                frames, hands, frames / seconds, out,
                sending.any() ? ", " + notSent + " frames dropped by OSC/VMC (queue full)" : "");
        return 0;
    }

    private static BufferedWriter open(Path out) {
        try {
            return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OutputTargets.cannotWrite(out, e, "");
        }
    }
}
