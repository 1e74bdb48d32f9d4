package dev.handscope.app.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.gesture.Gesture;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateFile;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.HandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON and OBJ never carry NaN or Infinity: the writers refuse such a hand and say which number. */
class NonFiniteExportTest {

    private static HandResult hand(float[] landmarks, RotatedRect rect) {
        Handedness right = new Handedness(Handedness.RIGHT, 0.9);
        float[] world = new float[63];
        HandLandmarks model = new HandLandmarks(Landmarks.of(landmarks), Landmarks.of(new float[63]), 0.9, right, rect);
        return new HandResult(3, 0, model.landmarks(), model.worldLandmarks(), right, model,
                new Gesture("none", 0.5, -1), null, null, null);
    }

    private static String line(HandResult hand) {
        return FrameJson.resultLine(new FrameResult(0, 0, 640, 480, List.of(hand), false, List.of(),
                new FrameTimings(0, 0, 0, 0, 0), List.of(), List.of()), -1);
    }

    @Test
    void frameJsonRefusesANonFiniteHand() {
        float[] landmarks = new float[63];
        landmarks[4] = Float.NaN;
        HandResult nanPoint = hand(landmarks, new RotatedRect(0.5, 0.5, 0.2, 0.2, 0));
        IllegalStateException point = assertThrows(IllegalStateException.class, () -> line(nanPoint));
        assertTrue(point.getMessage().contains("hand 3") && point.getMessage().contains("landmarks"), point.getMessage());

        HandResult nanRect = hand(new float[63], new RotatedRect(Double.NaN, 0.5, 0.2, 0.2, 0));
        IllegalStateException rect = assertThrows(IllegalStateException.class, () -> line(nanRect));
        assertTrue(rect.getMessage().contains("rect"), rect.getMessage());
    }

    @Test
    void objWriterRefusesANonFiniteMeshAndLeavesNoFile(@TempDir Path dir) throws Exception {
        HandTemplate template = HandTemplateFile.bundled();
        float[] vertices = template.vertices().clone();
        vertices[10] = Float.POSITIVE_INFINITY;
        HandMesh mesh = new HandMesh(vertices, new float[63], HandPose.rest(), null, null, null,
                new Handedness(Handedness.RIGHT, 0.9), template, 0);
        Path obj = dir.resolve("hand-0.obj");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> MeshExport.writeObj(mesh, obj,
                "test"));
        assertTrue(error.getMessage().contains("vertex 3"), error.getMessage());
        assertFalse(Files.exists(obj));
        try (var left = Files.list(dir)) {
            assertFalse(left.findAny().isPresent(), "no partial file left behind");
        }
    }
}
