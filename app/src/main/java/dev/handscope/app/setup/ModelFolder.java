package dev.handscope.app.setup;

import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.mediapipe.MediaPipeHands;
import dev.handscope.engine.model.HandModels;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import dev.handscope.models.convert.ModelManifest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A user's model folder (a SavedModel with its model.json) as the models a pipeline tracks with:
 * the manifest's kind picks the family; a landmark-only family is paired with the bundled palm
 * detector of {@code variant}, a palm detector with the bundled landmark model.
 */
public final class ModelFolder {
    private ModelFolder() {
    }

    public static HandModels load(Path folder, ModelVariant variant, RuntimeOptions runtime)
            throws ModelLoadException {
        ModelManifest manifest;
        ModelCatalogue bundled;
        try {
            manifest = ModelManifest.read(folder);
            bundled = ModelCatalogue.bundled();
            return switch (manifest.kind()) {
                case HAND_LANDMARKS -> MediaPipeHands.load(bundled.palmDetector(variant), folder, runtime);
                case PALM_DETECTOR -> MediaPipeHands.load(folder, bundled.handLandmarks(variant), runtime);
                default -> throw new ModelLoadException(folder + ": a " + manifest.kind().id()
                        + " model cannot be run by this HandScope yet (it runs palm-detector and hand-landmarks"
                        + " models)");
            };
        } catch (IOException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
    }
}
