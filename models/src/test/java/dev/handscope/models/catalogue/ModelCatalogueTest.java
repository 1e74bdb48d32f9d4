package dev.handscope.models.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.models.convert.ModelKind;
import dev.handscope.models.convert.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogueTest {

    @Test
    void theFourMediaPipeModelsAreBundledWithManifests() throws Exception {
        ModelCatalogue catalogue = ModelCatalogue.bundled();
        assertEquals(List.of("hand_landmark_full", "hand_landmark_lite", "palm_detection_full", "palm_detection_lite"),
                catalogue.names());
        for (ModelVariant variant : ModelVariant.values()) {
            Path palm = catalogue.palmDetector(variant);
            Path hand = catalogue.handLandmarks(variant);
            assertTrue(Files.isRegularFile(palm.resolve("saved_model.pb")));
            assertEquals(ModelKind.PALM_DETECTOR, ModelManifest.read(palm).kind());
            assertEquals(ModelKind.HAND_LANDMARKS, ModelManifest.read(hand).kind());
            assertEquals("@mediapipe/hands@0.4.1675469240", ModelManifest.read(hand).source().origin());
            assertEquals("Apache-2.0", ModelManifest.read(hand).licence());
        }
        IOException unknown = assertThrows(IOException.class, () -> catalogue.model("face_mesh"));
        assertTrue(unknown.getMessage().contains("hand_landmark_full"), unknown.getMessage());
        assertEquals(ModelVariant.LITE, ModelVariant.parse(" Lite"));
        assertThrows(IllegalArgumentException.class, () -> ModelVariant.parse("huge"));
    }
}
