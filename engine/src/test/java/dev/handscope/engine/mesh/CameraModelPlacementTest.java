package dev.handscope.engine.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.calibration.CameraCalibration;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.FramePool;
import dev.handscope.engine.capture.VideoFileSource;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.pipeline.TestPipelines;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.tracking.TrackerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hands of the shared test video placed through the camera seam: without a calibration the
 * placement is the --fov one exactly; a calibration of the same pinhole places them the same; a
 * hand size fixes the scale and so the distance.
 */
class CameraModelPlacementTest {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "media", "hand_landmarker_test_video.mp4");
    private static final List<HandResult> HANDS = new ArrayList<>();
    private static int width;
    private static int height;

    @BeforeAll
    static void track() throws Exception {
        FramePool pool = new FramePool(2);
        try (HandPipeline pipeline = TestPipelines.full(TrackerOptions.defaults());
             VideoFileSource source = VideoFileSource.open(VIDEO)) {
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            for (int i = 0; i < 20 && source.read(frame); i++) {
                frame.setSourceMicros(i * 33_333L);
                HANDS.addAll(pipeline.process(frame).hands());
                width = frame.width();
                height = frame.height();
            }
            frame.release();
        }
        assertTrue(HANDS.size() >= 15, "hands in the video: " + HANDS.size());
    }

    @Test
    void withoutCalibrationTheFovPlacementIsUnchanged() throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        HandMesher byFov = new HandMesher(right, 60);
        HandMesher bySeam = new HandMesher(right, right.mirrored(), CameraModel.fieldOfView(60), Double.NaN);
        for (HandResult hand : HANDS) {
            HandMesh a = byFov.mesh(hand, width, height);
            HandMesh b = bySeam.mesh(hand, width, height);
            assertArrayEquals(a.vertices(), b.vertices());
            assertEquals(a.pose().translation(), b.pose().translation());
            assertEquals(CameraPlacement.focalPx(width, 60), a.placement().focalPx(), 1e-9);
        }
    }

    @Test
    void aDistortionFreeCalibrationOfTheSamePinholePlacesTheSame() throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        double f = CameraPlacement.focalPx(width, 60);
        CameraCalibration same = new CameraCalibration(width, height, f, f, width / 2.0, height / 2.0,
                new double[5], 0, 0);
        HandMesher byFov = new HandMesher(right, 60);
        HandMesher calibrated = new HandMesher(right, right.mirrored(), same, Double.NaN);
        for (HandResult hand : HANDS) {
            float[] a = byFov.mesh(hand, width, height).skeleton();
            float[] b = calibrated.mesh(hand, width, height).skeleton();
            assertArrayEquals(a, b, 1e-4f, "hand " + hand.id());
        }
    }

    @Test
    void aHandSizeFixesTheDistanceAndTheWristSigmaFollows() throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        HandResult hand = HANDS.get(HANDS.size() / 2);
        float[] world = hand.worldLandmarks().toArray();
        int mcp = 3 * HandTopology.MIDDLE_MCP;
        double modelSize = Math.sqrt(Math.pow(world[mcp] - world[0], 2) + Math.pow(world[mcp + 1] - world[1], 2)
                + Math.pow(world[mcp + 2] - world[2], 2));
        HandMesh model = new HandMesher(right, 60).mesh(hand, width, height);
        HandMesh doubled = new HandMesher(right, right.mirrored(), CameraModel.fieldOfView(60), 2 * modelSize)
                .mesh(hand, width, height);
        System.out.printf("wrist-to-middle-MCP of the model: %.1f mm; wrist %.3f m (sigma %.3f m), doubled %.3f m%n",
                modelSize * 1000, model.pose().translation().z, model.wristSigma()[2], doubled.pose().translation().z);
        assertEquals(2, doubled.pose().translation().z / model.pose().translation().z, 0.1, "twice the size, twice"
                + " as far");
        assertEquals(model.pose().translation().z * WristUncertainty.MODEL_SCALE, model.wristSigma()[2], 1e-4);
        assertEquals(doubled.pose().translation().z * WristUncertainty.GIVEN_SCALE, doubled.wristSigma()[2], 1e-4);
        assertTrue(model.wristSigma()[0] > 0 && model.wristSigma()[1] > 0);
    }
}
