package dev.handscope.app.cli;

import dev.handscope.app.settings.ConfigFiles;
import dev.handscope.app.settings.GestureStore;
import dev.handscope.engine.gesture.UserGestures;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.tracking.SmoothingOptions;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.io.IOException;
import picocli.CommandLine.Option;

/** The tracking options shared by detect, track and bench (a picocli mixin). */
final class PipelineOptions {

    @Option(names = "--num-hands", paramLabel = "N", defaultValue = "2",
            description = "Most hands tracked at once. Default: ${DEFAULT-VALUE}.")
    int numHands;

    @Option(names = "--model", paramLabel = "full|lite", defaultValue = "full",
            description = "Model variant for the palm detector and the landmark model. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where the models run. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "TensorFlow intra-op threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--min-detection-confidence", paramLabel = "P", defaultValue = "0.5",
            description = "Palm probability needed to start a hand. Default: ${DEFAULT-VALUE}.")
    double minDetection;

    @Option(names = "--min-presence-confidence", paramLabel = "P", defaultValue = "0.5",
            description = "Hand presence needed to keep or start a hand. Default: ${DEFAULT-VALUE}.")
    double minPresence;

    @Option(names = "--min-tracking-confidence", paramLabel = "IOU", defaultValue = "0.5",
            description = "Overlap above which two detections are the same hand. Default: ${DEFAULT-VALUE}.")
    double minTracking;

    @Option(names = "--redetect-interval", paramLabel = "FRAMES", defaultValue = "10",
            description = "While fewer than --num-hands are tracked, look for more every this many frames."
                    + " Default: ${DEFAULT-VALUE}.")
    int redetectInterval;

    @Option(names = "--no-smoothing", description = "Report raw landmarks (no One Euro filter).")
    boolean noSmoothing;

    @Option(names = "--smoothing-min-cutoff", paramLabel = "HZ", defaultValue = "0.05",
            description = "One Euro min cutoff: lower is steadier. Default: ${DEFAULT-VALUE}.")
    double minCutoff;

    @Option(names = "--smoothing-beta", paramLabel = "B", defaultValue = "80",
            description = "One Euro beta: higher lags less. Default: ${DEFAULT-VALUE}.")
    double beta;

    @Option(names = "--gestures", paramLabel = "FILE",
            description = "Also recognise your own gestures from this gesture set (exported from the window).")
    java.nio.file.Path gestures;

    ModelVariant variant() {
        return ModelVariant.parse(model);
    }

    RuntimeOptions runtime() {
        RuntimeOptions options = RuntimeOptions.defaults().withDevice(InferenceDevice.parse(device));
        return threads == null ? options : options.withThreads(threads, options.interOpThreads());
    }

    TrackerOptions tracker() {
        SmoothingOptions smoothing = new SmoothingOptions(!noSmoothing, minCutoff, beta, 1.0);
        return new TrackerOptions(numHands, minDetection, minPresence, minTracking, redetectInterval, smoothing);
    }

    HandPipeline loadPipeline() throws IOException, ModelLoadException {
        ModelCatalogue models = ModelCatalogue.bundled();
        UserGestures own = new UserGestures();
        if (gestures != null) {
            try {
                GestureStore.read(gestures).into(own);
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(gestures + " is not a usable gesture set: " + ConfigFiles.reason(e), e);
            }
        }
        HandPipeline pipeline = HandPipeline.load(models.palmDetector(variant()), models.handLandmarks(variant()),
                runtime(), tracker());
        pipeline.tracker().useGestures(own);
        return pipeline;
    }
}
