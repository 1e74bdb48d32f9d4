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
    void theMediaPipeModelsAreBundledWithManifests() throws Exception {
        ModelCatalogue catalogue = ModelCatalogue.bundled();
        assertEquals(List.of("face_detection_short_range", "face_landmark", "hand_landmark_full", "hand_landmark_lite",
                        "palm_detection_full", "palm_detection_lite"), catalogue.names());
        for (ModelVariant variant : ModelVariant.values()) {
            Path palm = catalogue.palmDetector(variant);
            Path hand = catalogue.handLandmarks(variant);
            assertTrue(Files.isRegularFile(palm.resolve("saved_model.pb")));
            assertEquals(ModelKind.PALM_DETECTOR, ModelManifest.read(palm).kind());
            assertEquals(ModelKind.HAND_LANDMARKS, ModelManifest.read(hand).kind());
            assertEquals("@mediapipe/hands@0.4.1675469240", ModelManifest.read(hand).source().origin());
            assertEquals("Apache-2.0", ModelManifest.read(hand).licence());
            assertEquals("@mediapipe/hands@0.4.1675469240", ModelManifest.read(palm).source().origin());
        }
        IOException unknown = assertThrows(IOException.class, () -> catalogue.model("face_mesh"));
        assertTrue(unknown.getMessage().contains("hand_landmark_full"), unknown.getMessage());
        assertEquals(ModelVariant.LITE, ModelVariant.parse(" Lite"));
        assertThrows(IllegalArgumentException.class, () -> ModelVariant.parse("huge"));
    }

    @Test
    void theFaceModelsAreRecognisedAndTheirOutputsNamed() throws Exception {
        ModelCatalogue catalogue = ModelCatalogue.bundled();
        ModelManifest detector = ModelManifest.read(catalogue.faceDetector());
        assertEquals(ModelKind.FACE_DETECTOR, detector.kind());
        assertEquals(List.of(1, 128, 128, 3), detector.input().shape());
        assertEquals(List.of("boxes", "scores"), detector.outputs().stream().map(o -> o.name()).sorted().toList());
        assertEquals(List.of(1, 896, 16), detector.outputs().stream().filter(o -> o.name().equals("boxes"))
                .findFirst().orElseThrow().shape());
        ModelManifest landmarks = ModelManifest.read(catalogue.faceLandmarks());
        assertEquals(ModelKind.FACE_LANDMARKS, landmarks.kind());
        assertEquals(List.of(1, 192, 192, 3), landmarks.input().shape());
        assertEquals(List.of("landmarks", "presence"), landmarks.outputs().stream().map(o -> o.name()).sorted().toList());
        for (ModelManifest face : List.of(detector, landmarks)) {
            assertEquals("@mediapipe/face_mesh@0.4.1657299874", face.source().origin());
            assertEquals("Apache-2.0", face.licence());
            assertTrue(Files.isRegularFile(catalogue.faceDetector().resolve("saved_model.pb")));
        }
        assertEquals("c603fa6149219a3e9487dc9abd7a0c24474c77263273d24868378cdf40aa26d1", landmarks.source().sha256());
    }
}
