package dev.handscope.app.cli;

import dev.handscope.engine.capture.CaptureException;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.FramePool;
import dev.handscope.engine.capture.FrameSource;
import dev.handscope.engine.capture.FrameSources;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.mesh.HandTemplateFile;
import dev.handscope.engine.metrics.Jitter;
import dev.handscope.engine.metrics.LatencyStats;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.stage.FrameStage;
import dev.handscope.engine.stage.MeshStage;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.HandResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handscope bench --video FILE}: the pipeline as fast as it goes, timed per stage. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the pipeline on a video as fast as possible and print per-stage timings, frames per second,"
                + " detector runs and landmark jitter, then one JSON line with the same numbers.")
final class BenchCommand implements Callable<Integer> {
    private static final int WARMUP_RUNS = 5;
    private static final int STILL_WINDOW = 25;

    @Option(names = "--video", required = true, paramLabel = "FILE",
            description = "The video (looped if shorter), or an image (processed again every frame).")
    Path video;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "300",
            description = "Frames to time, 1 to 1000000. Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--render", description = "Also draw every frame as the window does (video, skeletons, 3D meshes)"
            + " and render it off screen, timing the render stage and end to end. Needs a display (or xvfb-run).")
    boolean render;

    @Option(names = "--sequential", description = "Run the palm detector and every hand's landmarks one after the other on"
            + " the tracking thread, as detect and track do, instead of side by side as the window does.")
    boolean sequential;

    @Mixin
    PipelineOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        options.check();
        OptionRanges.wholeNumber("--frames", frames, 1, 1_000_000);
        PrintWriter out = spec.commandLine().getOut();
        FramePool pool = new FramePool(2);
        Map<String, long[]> stages = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of("decode", "preprocess", "palm", "landmarks", "postprocess", "mesh",
                "total"));
        if (options.faces() > 0) {
            names.add(names.size() - 1, "faces"); // face tracking and head pose: its own stage, inside the total
        }
        if (render) {
            names.addAll(List.of("renderUpdate", "renderPass", "endToEnd"));
        }
        for (String stage : names) {
            stages.put(stage, new long[frames]);
        }
        long[] meshPerHand = new long[frames * Math.max(1, options.numHands)];
        int meshes = 0;
        long[] palmFrames = new long[frames];
        long[] palmOnly = new long[frames];
        int detectorRuns = 0;
        List<float[]> raw = new ArrayList<>();
        List<float[]> smoothed = new ArrayList<>();
        int width = 0;
        int height = 0;
        String runtime;
        long wall;
        long nonFinite;
        try (FrameSource source = FrameSources.open(SourceSpec.parse(video.toString()));
             HandPipeline pipeline = options.loadPipeline(spec.commandLine().getErr())) {
            if (!sequential) {
                pipeline.tracker().detectConcurrently(true);
                if (options.numHands >= 2) { // one hand has no second to follow beside it: no copy to load
                    options.setup(MeshCommand.DEFAULT_FOV, null).landmarkInParallel(pipeline, options.variant());
                }
            }
            dev.handscope.app.bench.RenderBench drawing = render ? dev.handscope.app.bench.RenderBench.start() : null;
            List<FrameStage> meshing = List.of(new MeshStage(new HandMesher(HandTemplateFile.bundled(),
                    MeshCommand.DEFAULT_FOV)));
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            try {
                // Warm-up: TensorFlow's first runs plan and allocate.
                if (source.read(frame)) {
                    for (int i = 0; i < WARMUP_RUNS; i++) {
                        pipeline.restart(meshing);
                        FrameResult result = pipeline.process(frame, meshing);
                        if (drawing != null) {
                            drawing.draw(frame, result.hands());
                        }
                    }
                }
                source.rewind();
                pipeline.restart(meshing);
                boolean firstPass = true;
                long wallStart = System.nanoTime();
                for (int i = 0; i < frames; i++) {
                    long start = System.nanoTime();
                    if (!source.read(frame)) {
                        source.rewind();
                        firstPass = false;
                        if (!source.read(frame)) {
                            throw new CaptureException(video + ": no frames to benchmark");
                        }
                    }
                    if (drawing != null) {
                        frame.fillBgra(); // as the capture thread does for the window
                    }
                    long decoded = System.nanoTime();
                    FrameResult result = pipeline.process(frame, meshing);
                    long end = System.nanoTime();
                    for (HandResult hand : result.hands()) {
                        meshPerHand[meshes++] = hand.mesh().fitNanos();
                    }
                    if (drawing != null) {
                        dev.handscope.app.bench.RenderBench.Timing drawn = drawing.draw(frame, result.hands());
                        stages.get("renderUpdate")[i] = drawn.updateNanos();
                        stages.get("renderPass")[i] = drawn.renderNanos();
                        stages.get("endToEnd")[i] = System.nanoTime() - start;
                    }
                    stages.get("mesh")[i] = result.stageNanos("mesh");
                    if (stages.containsKey("faces")) {
                        stages.get("faces")[i] = result.stageNanos("faces");
                    }
                    FrameTimings t = result.timings();
                    stages.get("decode")[i] = decoded - start;
                    stages.get("preprocess")[i] = t.preprocess() + t.copy();
                    stages.get("palm")[i] = t.detector();
                    stages.get("landmarks")[i] = t.landmarks();
                    stages.get("postprocess")[i] = t.postprocess();
                    stages.get("total")[i] = end - start;
                    if (result.detectorRan()) {
                        palmOnly[detectorRuns] = t.detector();
                        palmFrames[detectorRuns++] = end - start;
                    }
                    width = frame.width();
                    height = frame.height();
                    if (firstPass && !result.hands().isEmpty()) {
                        HandResult hand = result.hands().get(0);
                        raw.add(hand.model().landmarks().toArray());
                        smoothed.add(hand.landmarks().toArray());
                    }
                }
                wall = System.nanoTime() - wallStart;
            } finally {
                frame.release();
            }
            runtime = pipeline.models().runtime();
            nonFinite = pipeline.models().nonFiniteOutputs();
        } catch (CaptureException | ModelLoadException | java.io.IOException | IllegalStateException e) {
            spec.commandLine().getErr().println("handscope bench: " + e.getMessage());
            return 1;
        }

        double fps = frames / (wall / 1e9);
        double detectorPer100 = 100.0 * detectorRuns / frames;
        out.printf(Locale.ROOT, "%s, %d frames of %s (%dx%d), model %s, num hands %d%n", runtime, frames,
                video.getFileName(), width, height, options.modelId(), options.numHands);
        out.printf(Locale.ROOT, "%-22s %8s %8s %8s%n", "stage (ms)", "median", "p95", "max");
        Map<String, LatencyStats> summaries = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> stage : stages.entrySet()) {
            // The palm stage is summarised over the frames where the detector ran.
            LatencyStats stats = stage.getKey().equals("palm") ? LatencyStats.of(palmOnly, detectorRuns)
                    : LatencyStats.of(stage.getValue(), frames);
            String label = switch (stage.getKey()) {
                case "palm" -> "palm (when run)";
                case "renderUpdate" -> "render: update (FX)";
                case "renderPass" -> "render: pass";
                case "endToEnd" -> "end to end (rendered)";
                default -> stage.getKey();
            };
            row(out, summaries, label, stage.getKey(), stats);
        }
        row(out, summaries, "total, detector frames", "totalDetectorFrames", LatencyStats.of(palmFrames, detectorRuns));
        row(out, summaries, "mesh fit+skin, per hand", "meshPerHand", LatencyStats.of(meshPerHand, meshes));
        int start = raw.size() >= STILL_WINDOW ? Jitter.stillestWindow(raw, STILL_WINDOW, width, height) : 0;
        int end = Math.min(raw.size(), start + STILL_WINDOW);
        double rawJitter = Jitter.meanAcceleration(raw, start, end, width, height);
        double smoothJitter = Jitter.meanAcceleration(smoothed, start, end, width, height);
        out.printf(Locale.ROOT, "frames per second: %.1f   detector runs per 100 frames: %.1f%n", fps, detectorPer100);
        if (nonFinite > 0) {
            out.printf(Locale.ROOT, "model outputs with NaN or infinity, dropped: %d%n", nonFinite);
        }
        out.printf(Locale.ROOT, "jitter on the stillest %d frames (%d-%d), mean joint acceleration: raw %.3f px/frame^2,"
                + " smoothed %.3f px/frame^2 (%s)%n", end - start, start, end - 1, rawJitter, smoothJitter,
                options.noSmoothing ? "smoothing off" : String.format(Locale.ROOT, "%.0f%% less",
                        rawJitter > 0 ? 100 * (1 - smoothJitter / rawJitter) : 0));
        out.println(BenchJson.pipeline(new BenchJson.Pipeline(frames, options.modelId(), options.numHands,
                summaries, fps, detectorPer100, rawJitter, smoothJitter, runtime, new BenchJson.Setting(
                // The landmark model's threads alone, on whichever runtime the description names.
                options.runtime().intraOpThreads(runtime.startsWith("ONNX Runtime")), options.runtime().interOpThreads(),
                sequential ? "sequential" : "concurrent", dev.handscope.app.bench.Machine.current()))));
        return 0;
    }

    private static void row(PrintWriter out, Map<String, LatencyStats> summaries, String label, String key,
                            LatencyStats stats) {
        out.printf(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f%n", label, stats.medianMs(), stats.p95Ms(), stats.maxMs());
        summaries.put(key, stats);
    }
}
