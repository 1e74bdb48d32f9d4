package dev.handscope.app.cli;

import dev.handscope.app.eval.CocoKeypointReader;
import dev.handscope.app.eval.DatasetException;
import dev.handscope.app.eval.EvaluatedModel;
import dev.handscope.app.eval.EvaluationReport;
import dev.handscope.app.eval.EvaluationRun;
import dev.handscope.app.eval.ModelIdentity;
import dev.handscope.app.eval.SummaryTable;
import dev.handscope.app.eval.TerminalProgress;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.engine.eval.BoxProtocol;
import dev.handscope.engine.eval.Dataset;
import dev.handscope.engine.eval.Evaluator;
import dev.handscope.engine.eval.KeypointOrder;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import dev.handscope.models.convert.ModelKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handscope evaluate --dataset FILE}: scores models against labelled hands and writes a report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a model against a labelled dataset (COCO-keypoint JSON, as mmpose's hand datasets and"
                + " COCO-WholeBody use it): PCK, AUC, EPE, 3D errors, handedness, recall.",
                "Prints a summary table; --report DIR writes report.html, summary.json, per_hand.csv and a gallery"
                        + " of the worst hands."})
final class EvaluateCommand implements Callable<Integer> {
    /** Ctrl-C waits this long for the partial report to be written. */
    private static final long STOP_WAIT_SECONDS = 30;

    @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "The annotation file (JSON).")
    Path dataset;

    @Option(names = "--images", paramLabel = "DIR",
            description = "The folder the annotations' file_name values are in. Default: the dataset file's folder.")
    Path images;

    @Option(names = "--order", paramLabel = "mediapipe|rhd", defaultValue = "mediapipe",
            description = "The dataset's keypoint order (RHD lists each finger tip first). Default: ${DEFAULT-VALUE}.")
    String order;

    @Option(names = "--boxes", paramLabel = "detector|gt|both", defaultValue = "both",
            description = "detector: the model finds the hands (a missed hand scores 0); gt: the landmark model runs on"
                    + " a crop made from each labelled box (top-down); both. Default: ${DEFAULT-VALUE}.")
    String boxes;

    @Option(names = "--box-scale", paramLabel = "S", defaultValue = "" + Evaluator.DEFAULT_BOX_SCALE,
            description = "With gt boxes: the crop's side as a multiple of the box's longer side, above 0 and at most 10."
                    + " Default: ${DEFAULT-VALUE} (about the hand extent MediaPipe's landmark model sees).")
    double boxScale;

    @Option(names = "--compare", paramLabel = "full|lite|DIR",
            description = "A second model scored on the same images, reported side by side with the hands where the"
                    + " two disagree most.")
    String compare;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write report.html, summary.json, per_hand.csv and the worst hands' gallery into this folder.")
    Path report;

    @Option(names = "--worst", paramLabel = "N", defaultValue = "12",
            description = "Hands in the report's gallery of failures, 0 to 200. Default: ${DEFAULT-VALUE}.")
    int worst;

    @Mixin
    PipelineOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        options.check();
        OptionRanges.above("--box-scale", boxScale, 0, 10);
        OptionRanges.wholeNumber("--worst", worst, 0, 200);
        List<BoxProtocol> protocols = protocols();
        KeypointOrder keypointOrder = keypointOrder();
        if (report != null) {
            OutputTargets.requireFolder(report);
        }
        PrintWriter err = spec.commandLine().getErr();
        Dataset data = read(keypointOrder);
        List<HandPipeline> pipelines = new ArrayList<>();
        try {
            List<EvaluatedModel> models = new ArrayList<>();
            models.add(model("a", options.modelId(), options.variant(), options.modelFolder(), data, protocols, pipelines));
            if (compare != null) {
                ModelVariant variant = comparedVariant();
                models.add(model("b", compare, variant == null ? ModelVariant.FULL : variant,
                        variant == null ? Path.of(compare) : null, data, protocols, pipelines));
            }
            return evaluate(data, models, err);
        } catch (ModelLoadException e) {
            err.println("handscope evaluate: " + e.getMessage());
            return 1;
        } finally {
            pipelines.forEach(HandPipeline::close);
        }
    }

    private int evaluate(Dataset data, List<EvaluatedModel> models, PrintWriter err) {
        EvaluationRun run = new EvaluationRun();
        CountDownLatch written = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            run.requestStop();
            try {
                written.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "evaluate-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (TerminalProgress progress = TerminalProgress.onConsole(err)) {
            EvaluationRun.Outcome outcome = run.run(data, models, progress);
            progress.close();
            if (outcome.scoredImages() == 0) {
                throw new UserError(UserError.FAILED, "no image of " + dataset + " could be read (" + outcome.skipped().size()
                        + " skipped, e.g. " + outcome.skipped().get(0).reason() + "); check --images");
            }
            outcome.skipped().forEach(skip -> err.println("handscope evaluate: skipped image " + skip.image().id() + ": "
                    + skip.reason()));
            SummaryTable.print(outcome, spec.commandLine().getOut());
            if (report != null) {
                try {
                    EvaluationReport.write(report, outcome, worst);
                } catch (IOException e) {
                    throw OutputTargets.cannotWrite(report, e, "");
                }
                err.println("handscope evaluate: report in " + report.resolve(EvaluationReport.HTML));
            }
            return 0;
        } finally {
            written.countDown();
            removeHook(onInterrupt);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down (Ctrl-C): the hook is running and has been let go
        }
    }

    private Dataset read(KeypointOrder keypointOrder) {
        Path folder = images != null ? images : dataset.toAbsolutePath().getParent();
        try {
            return CocoKeypointReader.read(dataset, folder, keypointOrder);
        } catch (DatasetException e) {
            throw new UserError(UserError.FAILED, e.getMessage(), e);
        }
    }

    private EvaluatedModel model(String label, String name, ModelVariant variant, Path folder, Dataset data,
                                 List<BoxProtocol> protocols, List<HandPipeline> opened)
            throws IOException, ModelLoadException {
        TrackingSetup setup = options.setup(MeshCommand.DEFAULT_FOV, null).withFaces(0).withModel(variant, folder);
        TrackerOptions tracker = options.tracker().withNumHands(numHands(data));
        HandPipeline pipeline = setup.loadPipeline(variant, tracker, problem -> { });
        opened.add(pipeline);
        List<Evaluator> evaluators = new ArrayList<>();
        for (BoxProtocol protocol : protocols) {
            evaluators.add(new Evaluator(pipeline, protocol, boxScale));
        }
        return new EvaluatedModel(label, name, identities(variant, folder), evaluators);
    }

    /** The model files a run used: the bundled pair, or the folder (with the detector that finds its crops). */
    private List<ModelIdentity> identities(ModelVariant variant, Path folder) throws IOException {
        ModelCatalogue bundled = ModelCatalogue.bundled();
        if (folder == null) {
            return List.of(ModelIdentity.read("detector", bundled.palmDetector(variant)),
                    ModelIdentity.read("landmarks", bundled.handLandmarks(variant)));
        }
        ModelIdentity model = ModelIdentity.read("model", folder);
        List<ModelIdentity> files = new ArrayList<>(List.of(model));
        if (model.kind().equals(ModelKind.PALM_DETECTOR.id())) {
            files.add(ModelIdentity.read("landmarks", bundled.handLandmarks(variant)));
        } else if (!model.kind().equals(ModelKind.YOLO_POSE.id()) && !model.kind().equals(ModelKind.HAND_MESH.id())) {
            files.add(options.detector != null ? ModelIdentity.read("detector", options.detector)
                    : ModelIdentity.read("detector", bundled.palmDetector(variant)));
        }
        return files;
    }

    /** --num-hands when given, else as many as the busiest image holds (at least 2, at most the tracker's limit). */
    private int numHands(Dataset data) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--num-hands")) {
            return options.numHands;
        }
        int most = data.images().stream().mapToInt(image -> image.hands().size()).max().orElse(1);
        return Math.max(2, Math.min(PipelineOptions.MAX_HANDS, most));
    }

    private List<BoxProtocol> protocols() {
        if (boxes.trim().equalsIgnoreCase("both")) {
            return List.of(BoxProtocol.DETECTOR, BoxProtocol.GT);
        }
        try {
            return List.of(BoxProtocol.parse(boxes));
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.USAGE, "--boxes must be detector, gt or both (got " + boxes + ")");
        }
    }

    private KeypointOrder keypointOrder() {
        try {
            return KeypointOrder.parse(order);
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.USAGE, "--order must be mediapipe or rhd (got " + order + ")");
        }
    }

    /** The bundled variant --compare names, or null for a model folder. */
    private ModelVariant comparedVariant() {
        for (ModelVariant variant : ModelVariant.values()) {
            if (variant.id().equalsIgnoreCase(compare.trim())) {
                return variant;
            }
        }
        return null;
    }
}
