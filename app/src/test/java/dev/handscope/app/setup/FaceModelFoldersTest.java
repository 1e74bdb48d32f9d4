package dev.handscope.app.setup;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.models.catalogue.ModelCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --face-models folder whose detector or landmark model is missing or malformed: an error naming that folder. */
class FaceModelFoldersTest {

    private static TrackingSetup withFaceModels(Path folder) {
        TrackingSetup base = TrackingSetup.defaults();
        return new TrackingSetup(true, base.variant(), base.runtime().withDevice(InferenceDevice.CPU), base.tracker(),
                base.fovDegrees(), null, false, null, null, null, null, 1, true, folder, null, Double.NaN);
    }

    private static String problem(Path folder) {
        return assertThrows(ModelLoadException.class, () -> withFaceModels(folder).faceStage()).getMessage();
    }

    private static void saysWhatToDo(String message, Path folder) {
        assertTrue(message.contains("--face-models " + folder) && message.contains("fix the folder"), message);
    }

    @Test
    void aMissingFolderIsNamed(@TempDir Path temp) {
        Path missing = temp.resolve("no_such_faces");
        String message = problem(missing);
        assertTrue(message.startsWith(missing.resolve(TrackingSetup.FACE_DETECTOR) + ": no such model directory"),
                message);
        saysWhatToDo(message, missing);
    }

    @Test
    void aMalformedDetectorIsNamed(@TempDir Path temp) throws Exception {
        Path detector = Files.createDirectories(temp.resolve(TrackingSetup.FACE_DETECTOR));
        Files.writeString(detector.resolve("saved_model.pb"), "garbage, not a protobuf");
        String message = problem(temp);
        assertTrue(message.startsWith(detector.resolve("saved_model.pb") + ": malformed or truncated"), message);
        saysWhatToDo(message, temp);
    }

    /** The bundled detector beside a missing landmark model: the landmark folder is the one named. */
    @Test
    void aMissingLandmarkModelBesideAGoodDetectorIsNamed(@TempDir Path temp) throws Exception {
        Files.createSymbolicLink(temp.resolve(TrackingSetup.FACE_DETECTOR), ModelCatalogue.bundled().faceDetector());
        String message = problem(temp);
        assertTrue(message.startsWith(temp.resolve(TrackingSetup.FACE_LANDMARKS) + ": no such model directory"),
                message);
        saysWhatToDo(message, temp);
    }
}
