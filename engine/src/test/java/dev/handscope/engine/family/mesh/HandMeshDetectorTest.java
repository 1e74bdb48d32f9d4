package dev.handscope.engine.family.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateFile;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.stage.MeshStage;
import dev.handscope.engine.testmodels.ConstantModels;
import dev.handscope.engine.tracking.HandTracker;
import dev.handscope.engine.tracking.TrackerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandMeshDetectorTest {
    private static final RuntimeOptions CPU = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU).withThreads(1, 1);
    private static final float[] RIGHT_AT = {0.05f, 0.02f, 0.6f};
    private static final float[] LEFT_AT = {-0.1f, 0.01f, 0.7f};

    static Path womanHands() {
        Path path = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "media",
                "woman_hands.jpg");
        assertTrue(Files.isRegularFile(path), "shared test data missing: " + path.toAbsolutePath());
        return path;
    }

    /** The bundled right template, its mirror (a left hand in MANO order) and a weak third candidate. */
    private static MeshOutputs twoHands(HandTemplate right) {
        return new MeshOutputs()
                .add(20, 20, 60, 70, 0.9f, right.vertices(), RIGHT_AT, 0.5f)
                .add(100, 30, 140, 80, 0.8f, right.mirrored().vertices(), LEFT_AT, 0.5f)
                .add(60, 90, 80, 110, 0.05f);
    }

    private static void assertMesh(float[] expected, float[] at, HandMesh mesh) {
        float[] v = mesh.vertices();
        assertEquals(expected.length, v.length);
        for (int i = 0; i < v.length; i++) {
            assertEquals(expected[i] + at[i % 3], v[i], 1e-5, "value " + i);
        }
    }

    @Test
    void twoPredictedHandsAreTrackedWithTheirMeshesAsPredictedAndHandednessFromTheNormals(@TempDir Path dir)
            throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        Path model = ConstantModels.export(dir.resolve("mesh"), "image", MeshOutputs.HEIGHT, MeshOutputs.WIDTH,
                twoHands(right).model(false));
        try (RgbImage image = RgbImage.read(womanHands());
             HandMeshDetector detector = HandMeshDetector.load(model, MeshOutputs.options(false), CPU)) {
            assertNotNull(image);
            assertFalse(detector.givesHandedness());
            assertEquals(3, detector.candidates());
            List<HandRegion> regions = detector.detect(image, 0, 0f);
            assertEquals(2, regions.size(), "the 0.05 candidate is under HandOS's 0.1");

            HandTracker tracker = HandTracker.oneStage(detector, TrackerOptions.defaults().withConfidences(0.5, 0.5, 0.5));
            MeshStage stage = new MeshStage(new HandMesher(right, 60));
            for (int frame = 0; frame < 4; frame++) {
                FrameResult tracked = tracker.process(image, frame, frame * 33_000_000L, 0);
                FrameResult result = stage.apply(tracked, null);
                List<HandResult> hands = result.hands();
                assertEquals(2, hands.size(), "frame " + frame);
                assertEquals(0, hands.get(0).id());
                assertEquals(1, hands.get(1).id());
                assertEquals(frame, hands.get(1).age());
                HandResult r = hands.get(0);
                HandResult l = hands.get(1);
                assertMesh(right.vertices(), RIGHT_AT, r.mesh());
                assertMesh(right.mirrored().vertices(), LEFT_AT, l.mesh());
                assertEquals(Handedness.RIGHT, r.handedness().label());
                assertEquals(Handedness.LEFT, l.handedness().label());
                assertEquals(Handedness.LEFT, l.mesh().model().label());
                // The left hand is drawn with the mirrored template's (outward) faces.
                assertEquals(right.mirrored().faces()[1], l.mesh().template().faces()[1]);
                assertEquals(right.faces()[1], r.mesh().template().faces()[1]);
                // The mesh stage left both as predicted.
                assertSame(tracked.hands().get(0).mesh(), r.mesh());
                assertSame(tracked.hands().get(1).mesh(), l.mesh());
                // World landmarks: the mesh's skeleton centred on its wrist.
                float[] skeleton = r.mesh().skeleton();
                assertEquals(0, r.worldLandmarks().x(0), 1e-6);
                assertEquals(skeleton[3 * 8] - skeleton[0], r.worldLandmarks().x(8), 1e-5);
                assertEquals(skeleton[3 * 8 + 2] - skeleton[2], r.worldLandmarks().z(8), 1e-5);
                // The index tip is the template's tip vertex, moved by the camera translation.
                assertEquals(right.vertices()[3 * right.tips()[1] + 1] + RIGHT_AT[1], skeleton[3 * 8 + 1], 1e-5);
                assertEquals(RIGHT_AT[2], r.mesh().placement().translation()[2], 1e-6);
            }

            // Without a predicted mesh the stage does fit one: the skip above is the stage's choice.
            FrameResult again = tracker.process(image, 9, 9 * 33_000_000L, 0);
            FrameResult bare = again.mapHands(h -> h.withMesh(null));
            assertNull(bare.hands().get(0).mesh());
            FrameResult fitted = stage.apply(bare, null);
            assertNotNull(fitted.hands().get(0).mesh());
            assertNotSame(again.hands().get(0).mesh(), fitted.hands().get(0).mesh());
        }
    }

    @Test
    void aHandednessOutputWinsOverTheNormals(@TempDir Path dir) throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        MeshOutputs out = new MeshOutputs().add(20, 20, 60, 70, 0.9f, right.vertices(), RIGHT_AT, 0.2f);
        Path model = ConstantModels.export(dir.resolve("mesh"), "image", MeshOutputs.HEIGHT, MeshOutputs.WIDTH,
                out.model(true));
        try (RgbImage image = RgbImage.read(womanHands());
             HandMeshDetector detector = HandMeshDetector.load(model, MeshOutputs.options(false), CPU)) {
            assertTrue(detector.givesHandedness());
            HandRegion hand = detector.detect(image, 0, 0f).get(0);
            assertEquals(Handedness.LEFT, hand.handedness().label());
            assertEquals(0.8, hand.handedness().score(), 1e-6);
            assertEquals(Handedness.LEFT, hand.landmarks().mesh().model().label());
        }
    }

    @Test
    void outputsOfTheWrongShapeAreRefusedNamingTheDirectoryAndTheOutput(@TempDir Path dir) throws Exception {
        Map<String, ConstantModels.Output> outputs = new java.util.LinkedHashMap<>(new MeshOutputs()
                .add(20, 20, 60, 70, 0.9f).add(30, 30, 60, 70, 0.5f).model(false));
        outputs.put("vertices", new ConstantModels.Output(new long[] {1, 2, 700, 3}, new float[2 * 700 * 3]));
        Path model = ConstantModels.export(dir.resolve("bad"), "image", MeshOutputs.HEIGHT, MeshOutputs.WIDTH, outputs);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> HandMeshDetector.load(model, MeshOutputs.options(false), CPU));
        assertTrue(e.getMessage().startsWith(model.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("output 'vertices' has shape [1, 2, 700, 3], expected [1, 2, 778, 3]"),
                e.getMessage());

        outputs.remove("vertices");
        Path missing = ConstantModels.export(dir.resolve("missing"), "image", MeshOutputs.HEIGHT, MeshOutputs.WIDTH,
                outputs);
        ModelLoadException none = assertThrows(ModelLoadException.class,
                () -> HandMeshDetector.load(missing, MeshOutputs.options(false), CPU));
        assertTrue(none.getMessage().contains("no output 'vertices'"), none.getMessage());
    }
}
