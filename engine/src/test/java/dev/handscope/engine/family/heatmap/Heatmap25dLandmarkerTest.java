package dev.handscope.engine.family.heatmap;

import dev.handscope.engine.testmodels.ConstantModels;
import static dev.handscope.engine.family.heatmap.HeatmapLandmarkerTest.CPU;
import static dev.handscope.engine.family.heatmap.HeatmapLandmarkerTest.IMAGE;
import static dev.handscope.engine.family.heatmap.HeatmapLandmarkerTest.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.landmarks.HandLandmarks;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 2.5D family end to end: one-hot volumes, so the 3D soft-argmax lands on known cells. */
class Heatmap25dLandmarkerTest {
    private static final int SIDE = 32;
    private static final int HM = 8;
    private static final int D = 4;
    private static final int K = 21;
    private static final double ZMIN = -0.1;
    private static final double ZMAX = 0.1;

    private static int cx(int k) {
        return 1 + (3 * k) % 7;
    }

    private static int cy(int k) {
        return (5 * k) % 8;
    }

    private static int cz(int k) {
        return k == 0 ? 2 : k % 4;
    }

    private static Heatmap25dOptions options(int keypoints) {
        return new Heatmap25dOptions(new TopDownOptions(InputSpec.unitRange(SIDE, SIDE), 1.25, true, keypoints,
                KeypointMap.identity()), "volume", ZMIN, ZMAX, 60, 0.09);
    }

    @Test
    void volumesGivePositionsRelativeDepthsAndALiftedHandWithTheReferenceBone(@TempDir Path dir) throws Exception {
        VolumetricDecoder layout = new VolumetricDecoder(HM, HM, D, K);
        float[] volume = new float[HM * HM * D * K];
        for (int k = 0; k < K; k++) {
            volume[layout.index(k, cx(k), cy(k), cz(k))] = 0.75f;
        }
        Path model = ConstantModels.export(dir.resolve("volume"), SIDE,
                Map.of("volume", new ConstantModels.Output(new long[] {1, HM, HM, D, K}, volume)));
        try (Heatmap25dLandmarker landmarker = Heatmap25dLandmarker.load(model, options(K), CPU);
             RgbImage image = RgbImage.read(IMAGE)) {
            HandLandmarks hand = landmarker.landmark(image, REGION);
            double s = (double) SIDE / HM;
            for (int k = 0; k < K; k++) {
                double[] want = HeatmapLandmarkerTest.expected(image, REGION, 1.25, true, SIDE, cx(k) * s, cy(k) * s);
                assertEquals(want[0], hand.x(k), 1e-3, "x of " + k);
                assertEquals(want[1], hand.y(k), 1e-3, "y of " + k);
            }
            assertEquals(0.75, hand.presence(), 1e-6);
            var world = hand.worldLandmarks();
            double bone = Math.sqrt(Math.pow(world.x(9) - world.x(0), 2) + Math.pow(world.y(9) - world.y(0), 2)
                    + Math.pow(world.z(9) - world.z(0), 2));
            assertEquals(0.09, bone, 1e-5, "wrist to middle knuckle is the reference bone");
            double step = (ZMAX - ZMIN) / D;
            for (int k = 0; k < K; k++) {
                double relative = (cz(k) - cz(0)) * step; // depth relative to the wrist, metres
                assertEquals(relative, world.z(k) - world.z(0), 1e-5, "relative depth of " + k);
                assertEquals(Math.signum(relative), Math.signum(hand.z(k)), "image z follows depth for " + k);
            }
            assertEquals(0, hand.z(0));
        }
    }

    @Test
    void wrongVolumeIsRefused(@TempDir Path dir) throws Exception {
        Path model = ConstantModels.export(dir.resolve("flat"), SIDE,
                Map.of("volume", new ConstantModels.Output(new long[] {1, HM, HM, K}, new float[HM * HM * K])));
        String message = assertThrows(ModelLoadException.class, () -> Heatmap25dLandmarker.load(model, options(K), CPU))
                .getMessage();
        assertTrue(message.startsWith(model.toString()) && message.contains("'volume'")
                && message.contains("[1, 8, 8, 21], expected [1, ?, ?, ?, 21]"), message);
    }
}
