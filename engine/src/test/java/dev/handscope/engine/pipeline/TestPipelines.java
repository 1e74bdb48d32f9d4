package dev.handscope.engine.pipeline;

import dev.handscope.engine.mediapipe.MediaPipeHands;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.io.IOException;

/** The bundled models as a pipeline on the CPU, as the tests use them. */
public final class TestPipelines {
    private TestPipelines() {
    }

    /** Full palm detector and full landmark model. */
    public static HandPipeline full(TrackerOptions options) throws IOException, ModelLoadException {
        ModelCatalogue models = ModelCatalogue.bundled();
        return MediaPipeHands.pipeline(models.palmDetector(ModelVariant.FULL), models.handLandmarks(ModelVariant.FULL),
                RuntimeOptions.defaults().withDevice(InferenceDevice.CPU), options);
    }
}
