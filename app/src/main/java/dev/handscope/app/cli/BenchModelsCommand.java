package dev.handscope.app.cli;

import dev.handscope.app.bench.OnnxTrace;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.ModelRunner;
import dev.handscope.engine.inference.ModelRunners;
import dev.handscope.engine.inference.OnnxModelRunner;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.SavedModelRunner;
import dev.handscope.engine.metrics.LatencyStats;
import dev.handscope.models.catalogue.ModelCatalogue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handscope bench-models}: load time and inference latency of each bundled model. */
@Command(name = "bench-models", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure each bundled model: load time, then inference median / p95 over many runs.")
final class BenchModelsCommand implements Callable<Integer> {
    private static final int PROFILE_RUNS = 20;

    @Option(names = "--runs", defaultValue = "200",
            description = "Timed runs per model, 1 to 1000000. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", defaultValue = "20",
            description = "Untimed runs first, 0 to 1000000. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where to run. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "Intra-op threads of a model running alone, 1 to 64. Default: auto (2 on ONNX Runtime on two"
                    + " or more cores, one beside another model; 1 on TensorFlow). See README, Performance.")
    Integer threads;

    @Option(names = "--backend", defaultValue = "auto", paramLabel = "auto|tensorflow|onnx",
            description = "Which runtime: auto is ONNX Runtime on the CPU for converted models, TensorFlow otherwise."
                    + " Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Benchmark these SavedModel directories instead of the bundled models (repeatable).")
    List<Path> models;

    @Option(names = "--peer", paramLabel = "FILE",
            description = "The JSON line a peer runtime printed for the same models (../shared/tools/peer-native/run.sh,"
                    + " MediaPipe's TFLite + XNNPACK): print its medians beside ours and the ratio peer / ours.")
    Path peer;

    @Option(names = "--profile", description = "After timing, trace 20 runs of each model and print where its time goes, per"
            + " operator type (the runtime's own trace, after its graph rewrites and fusions).")
    boolean profile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionRanges.wholeNumber("--runs", runs, 1, 1_000_000);
        OptionRanges.wholeNumber("--warmup", warmup, 0, 1_000_000);
        PrintWriter out = spec.commandLine().getOut();
        RuntimeOptions options = RuntimeOptions.defaults().withDevice(InferenceDevice.parse(device))
                .withBackend(PipelineOptions.backend(backend));
        if (threads != null) {
            options = options.withThreads(PipelineOptions.threads(threads), options.interOpThreads());
        }
        dev.handscope.app.bench.PeerFigures peerFigures = null;
        if (peer != null) {
            try {
                peerFigures = dev.handscope.app.bench.PeerFigures.read(peer);
            } catch (IOException e) {
                throw new UserError(UserError.FAILED, "cannot read --peer " + peer + ": "
                        + dev.handscope.app.settings.FileProblems.reason(e, peer), e);
            }
        }
        List<Path> directories = new ArrayList<>();
        if (models == null || models.isEmpty()) {
            ModelCatalogue catalogue = ModelCatalogue.bundled();
            for (String name : catalogue.names()) {
                directories.add(catalogue.model(name));
            }
        } else {
            directories.addAll(models);
        }
        out.printf("%-22s %9s %9s %9s %9s %9s%n", "model", "load ms", "median", "p95", "max", "mean");
        List<BenchJson.Model> measured = new ArrayList<>();
        String runtime = "";
        int intraOpThreads = 0;
        for (Path directory : directories) {
            try (ModelRunner runner = ModelRunners.load(directory,
                    SavedModelRunner.describe(directory, "serving_default"), options)) {
                runtime = runner.description();
                intraOpThreads = runner.intraOpThreads();
                fillDeterministicInput(runner.input());
                long[] nanos = time(runner, directory);
                LatencyStats stats = LatencyStats.of(nanos, runs);
                String name = directory.getFileName().toString().replaceFirst("-[0-9a-f]{12}-[0-9a-f]+$", "");
                double loadMs = runner.loadNanos() / 1e6;
                out.printf(Locale.ROOT, "%-22s %9.1f %9.2f %9.2f %9.2f %9.2f%n", name, loadMs, stats.medianMs(),
                        stats.p95Ms(), stats.maxMs(), stats.meanMs());
                measured.add(new BenchJson.Model(name, loadMs, stats));
                if (profile) {
                    printProfile(out, profile(runner));
                }
            } catch (ModelLoadException e) {
                spec.commandLine().getErr().println("handscope bench-models: " + e.getMessage());
                return 1;
            }
        }
        out.println("(" + runtime + "; " + warmup + " warm-up runs, " + runs + " timed runs, times in ms)");
        if (peerFigures != null) {
            comparison(out, measured, peerFigures, runtime);
        }
        out.println(BenchJson.models(runs, measured, runtime, new BenchJson.Setting(intraOpThreads,
                options.interOpThreads(), null, dev.handscope.app.bench.Machine.current())));
        return 0;
    }

    /** Where a run's time goes, per operator type, from the runtime's own tracer. */
    private static Map<String, Double> profile(ModelRunner runner) throws IOException {
        if (runner instanceof SavedModelRunner tensorflow) {
            return tensorflow.profile(PROFILE_RUNS);
        }
        Path trace = ((OnnxModelRunner) runner).trace(PROFILE_RUNS);
        try {
            return OnnxTrace.perOperator(trace, PROFILE_RUNS);
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    /** Operator types by their share of a run, down to the last one above 0.5%. */
    private static void printProfile(PrintWriter out, Map<String, Double> perRun) {
        double total = perRun.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Map.Entry<String, Double> op : perRun.entrySet()) {
            double share = 100 * op.getValue() / total;
            if (share < 0.5) {
                break;
            }
            out.printf(Locale.ROOT, "    %-38s %7.2f ms %5.1f%%%n", op.getKey(), op.getValue(), share);
        }
    }

    /** Ours beside the peer's, per model the peer ran: medians and peer / ours (above 1: ours is faster). */
    private static void comparison(PrintWriter out, List<BenchJson.Model> measured,
                                   dev.handscope.app.bench.PeerFigures peer, String runtime) {
        out.printf("%-22s %12s %12s %14s%n", "model", "ours median", "peer median", "peer / ours");
        for (BenchJson.Model model : measured) {
            double theirs = peer.median(model.name());
            if (Double.isFinite(theirs)) {
                out.printf(Locale.ROOT, "%-22s %12.2f %12.2f %14.2f%n", model.name(), model.stats().medianMs(), theirs,
                        theirs / model.stats().medianMs());
            }
        }
        out.println("(ours: " + runtime + "; peer: " + peer.runtime() + ", " + peer.threads() + " threads)");
    }

    /** Warm-up runs, then the timed runs' durations; a model that fails while running is named. */
    private long[] time(ModelRunner runner, Path directory) {
        long[] nanos = new long[runs];
        try {
            for (int i = 0; i < warmup; i++) {
                runner.run();
            }
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                runner.run();
                nanos[i] = System.nanoTime() - start;
            }
        } catch (RuntimeException e) { // TensorFlow's run-time errors: TensorFlowException, IllegalArgumentException...
            throw new UserError(UserError.FAILED, directory + ": the model failed while running ("
                    + e.getMessage().strip().lines().findFirst().orElse(e.getClass().getSimpleName()) + ")", e);
        }
        return nanos;
    }

    /** A smooth, image-like pattern in [0, 1]; the same every run so figures compare. */
    private static void fillDeterministicInput(float[] input) {
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (0.5 + 0.5 * Math.sin(i * 0.001) * Math.cos(i * 0.017));
        }
    }
}
