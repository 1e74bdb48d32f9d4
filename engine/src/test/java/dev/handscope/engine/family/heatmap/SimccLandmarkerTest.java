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

/** The SimCC family end to end, upright crop (rotate = false). */
class SimccLandmarkerTest {
    private static final int SIDE = 64;
    private static final int K = 21;
    private static final int BINS = SIDE * 2;

    private static int binX(int k) {
        return 10 + 5 * k;
    }

    private static int binY(int k) {
        return 117 - 4 * k;
    }

    private static float[][] vectors() {
        float[] x = new float[K * BINS];
        float[] y = new float[K * BINS];
        for (int k = 0; k < K; k++) {
            x[k * BINS + binX(k)] = 0.9f - 0.01f * k;
            y[k * BINS + binY(k)] = 0.6f + 0.01f * k;
        }
        return new float[][] {x, y};
    }

    private static SimccOptions options(boolean rotate) {
        return SimccOptions.of(new TopDownOptions(InputSpec.unitRange(SIDE, SIDE), 1.5, rotate, K,
                KeypointMap.identity()));
    }

    @Test
    void landmarksLandWhereTheArgmaxBinsMapThroughTheUprightCrop(@TempDir Path dir) throws Exception {
        float[][] v = vectors();
        Path model = ConstantModels.export(dir.resolve("simcc"), SIDE, Map.of(
                "simcc_x", new ConstantModels.Output(new long[] {1, K, BINS}, v[0]),
                "simcc_y", new ConstantModels.Output(new long[] {1, K, BINS}, v[1])));
        try (SimccLandmarker landmarker = SimccLandmarker.load(model, options(false), CPU);
             RgbImage image = RgbImage.read(IMAGE)) {
            HandLandmarks hand = landmarker.landmark(image, REGION);
            double scoreSum = 0;
            for (int k = 0; k < K; k++) {
                double[] want = HeatmapLandmarkerTest.expected(image, REGION, 1.5, false, SIDE, binX(k) / 2.0,
                        binY(k) / 2.0);
                assertEquals(want[0], hand.x(k), 1e-3, "x of " + k);
                assertEquals(want[1], hand.y(k), 1e-3, "y of " + k);
                scoreSum += Math.min(0.9f - 0.01f * k, 0.6f + 0.01f * k);
            }
            assertEquals(scoreSum / K, hand.presence(), 1e-6, "presence is the mean of min(max x, max y)");
            assertEquals(0, hand.rect().rotation(), "rotate = false crops upright");
            assertEquals(2, landmarker.lastView().outputs().length);
        }
    }

    @Test
    void binCountMustBeTheInputTimesTheSplitRatio(@TempDir Path dir) throws Exception {
        Path model = ConstantModels.export(dir.resolve("simcc"), SIDE, Map.of(
                "simcc_x", new ConstantModels.Output(new long[] {1, K, SIDE * 3}, new float[K * SIDE * 3]),
                "simcc_y", new ConstantModels.Output(new long[] {1, K, BINS}, new float[K * BINS])));
        String message = assertThrows(ModelLoadException.class, () -> SimccLandmarker.load(model, options(true), CPU))
                .getMessage();
        assertTrue(message.startsWith(model.toString()) && message.contains("'simcc_x'")
                && message.contains("[1, 21, 192], expected [1, 21, 128]"), message);
    }
}
