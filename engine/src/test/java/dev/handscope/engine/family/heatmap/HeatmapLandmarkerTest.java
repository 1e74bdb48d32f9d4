package dev.handscope.engine.family.heatmap;

import dev.handscope.engine.testmodels.ConstantModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.ModelView;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heatmap family end to end: a SavedModel with known heatmaps, a real image, a known region. */
class HeatmapLandmarkerTest {
    static final RuntimeOptions CPU = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU);
    static final Path IMAGE = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "media",
            "woman_hands.jpg");
    static final RotatedRect REGION = new RotatedRect(0.42, 0.55, 0.18, 0.22, 0.35);
    private static final int SIDE = 64;
    private static final int HM = 16;
    private static final int K = 22;

    /** Model keypoint k + 1 is hand landmark 20 - k: a reordering the landmarker must undo. */
    static int[] reversedSources() {
        int[] sources = new int[21];
        for (int i = 0; i < 21; i++) {
            sources[i] = 21 - i;
        }
        return sources;
    }

    /** Where model input position (u, v) lands in the image: the crop's definition, written out again. */
    static double[] expected(RgbImage image, RotatedRect region, double scale, boolean rotate, int side, double u,
                             double v) {
        double w = image.width();
        double h = image.height();
        double square = Math.max(region.width() * w, region.height() * h) * scale;
        double a = (u / side - 0.5) * square;
        double b = (v / side - 0.5) * square;
        double angle = rotate ? region.rotation() : 0;
        return new double[] {(region.centerX() * w + Math.cos(angle) * a - Math.sin(angle) * b) / w,
            (region.centerY() * h + Math.sin(angle) * a + Math.cos(angle) * b) / h};
    }

    /** A distinct cell per model keypoint (one-hot heatmaps) and its score. */
    static int cellX(int k) {
        return 2 + (k * 5) % 13;
    }

    static int cellY(int k) {
        return 1 + (k * 7) % 14;
    }

    static float score(int k) {
        return 0.5f + 0.02f * k;
    }

    private static float[] heatmaps(HeatmapLayout layout) {
        float[] maps = new float[HM * HM * K];
        for (int k = 0; k < K; k++) {
            maps[layout.index(HM, HM, K, k, cellY(k), cellX(k))] = score(k);
        }
        return maps;
    }

    private static HeatmapOptions options(HeatmapLayout layout, int keypoints) {
        return new HeatmapOptions(new TopDownOptions(InputSpec.unitRange(SIDE, SIDE), 1.25, true, keypoints,
                KeypointMap.of(reversedSources(), keypoints)), "heatmaps", layout, HeatmapDecode.ARGMAX_QUARTER, 11);
    }

    @Test
    void landmarksLandWhereTheEncodedPeaksMapThroughTheCrop(@TempDir Path dir) throws Exception {
        for (HeatmapLayout layout : HeatmapLayout.values()) {
            long[] shape = layout == HeatmapLayout.NHWC ? new long[] {1, HM, HM, K} : new long[] {1, K, HM, HM};
            Path model = ConstantModels.export(dir.resolve(layout.name()), SIDE,
                    Map.of("heatmaps", new ConstantModels.Output(shape, heatmaps(layout))));
            try (HeatmapLandmarker landmarker = HeatmapLandmarker.load(model, options(layout, K), CPU);
                 RgbImage image = RgbImage.read(IMAGE)) {
                HandLandmarks hand = landmarker.landmark(image, REGION);
                double s = (double) SIDE / HM;
                double scoreSum = 0;
                for (int i = 0; i < 21; i++) {
                    int k = 21 - i;
                    double[] want = expected(image, REGION, 1.25, true, SIDE, cellX(k) * s, cellY(k) * s);
                    assertEquals(want[0], hand.x(i), 1e-3, layout + " x of landmark " + i);
                    assertEquals(want[1], hand.y(i), 1e-3, layout + " y of landmark " + i);
                    assertEquals(0, hand.z(i));
                    scoreSum += score(k);
                }
                assertEquals(scoreSum / 21, hand.presence(), 1e-6, "presence is the mean keypoint score");
                assertEquals(new Handedness(Handedness.RIGHT, 0.5), hand.handedness());
                assertEquals(0.09, Math.hypot(hand.worldLandmarks().x(9) - hand.worldLandmarks().x(0),
                        hand.worldLandmarks().y(9) - hand.worldLandmarks().y(0)), 1e-6, "approximate world bone 0-9");
                assertEquals(Math.max(REGION.width() * image.width(), REGION.height() * image.height()) * 1.25,
                        hand.rect().width() * image.width(), 1e-6, "the square crop is 1.25 x the region");
                assertEquals(REGION.rotation(), hand.rect().rotation());

                ModelView view = landmarker.lastView();
                assertEquals(SIDE, view.side());
                assertEquals(SIDE * SIDE * 3, view.crop().length);
                assertArrayEquals(heatmaps(layout), view.outputs()[0]);
                assertTrue(landmarker.lastTimings().total() > 0);
                assertEquals(0, landmarker.nonFiniteOutputs());
            }
        }
    }

    @Test
    void nanHeatmapGivesPresenceZeroAndIsCounted(@TempDir Path dir) throws Exception {
        float[] maps = heatmaps(HeatmapLayout.NHWC);
        maps[HeatmapLayout.NHWC.index(HM, HM, K, 5, 3, 3)] = Float.NaN;
        Path model = ConstantModels.export(dir.resolve("nan"), SIDE,
                Map.of("heatmaps", new ConstantModels.Output(new long[] {1, HM, HM, K}, maps)));
        try (HeatmapLandmarker landmarker = HeatmapLandmarker.load(model, options(HeatmapLayout.NHWC, K), CPU);
             RgbImage image = RgbImage.read(IMAGE)) {
            HandLandmarks hand = landmarker.landmark(image, REGION);
            assertEquals(0, hand.presence());
            for (int i = 0; i < 21; i++) {
                assertTrue(Float.isFinite(hand.x(i)) && Float.isFinite(hand.y(i)), "no garbage coordinates");
            }
            assertEquals(1, landmarker.nonFiniteOutputs());
        }
    }

    @Test
    void wrongHeatmapShapeIsRefusedNamingDirectoryOutputAndShapes(@TempDir Path dir) throws Exception {
        Path model = ConstantModels.export(dir.resolve("k22"), SIDE,
                Map.of("heatmaps", new ConstantModels.Output(new long[] {1, HM, HM, K}, heatmaps(HeatmapLayout.NHWC))));
        ModelLoadException error = assertThrows(ModelLoadException.class,
                () -> HeatmapLandmarker.load(model, options(HeatmapLayout.NHWC, 23), CPU));
        String message = error.getMessage();
        assertTrue(message.startsWith(model.toString()), message);
        assertTrue(message.contains("'heatmaps'") && message.contains("[1, 16, 16, 22]")
                && message.contains("expected [1, ?, ?, 23]"), message);
        ModelLoadException layout = assertThrows(ModelLoadException.class,
                () -> HeatmapLandmarker.load(model, options(HeatmapLayout.NCHW, K), CPU));
        assertTrue(layout.getMessage().contains("expected [1, 22, ?, ?]"), layout.getMessage());
        HeatmapOptions wrongName = new HeatmapOptions(options(HeatmapLayout.NHWC, K).topDown(), "maps",
                HeatmapLayout.NHWC, HeatmapDecode.DARK, 11);
        assertTrue(assertThrows(ModelLoadException.class, () -> HeatmapLandmarker.load(model, wrongName, CPU))
                .getMessage().contains("no output 'maps'"));
        HeatmapOptions wrongInput = new HeatmapOptions(new TopDownOptions(InputSpec.unitRange(32, 32), 1.25, true, K,
                KeypointMap.of(reversedSources(), K)), "heatmaps", HeatmapLayout.NHWC, HeatmapDecode.DARK, 11);
        String inputMessage = assertThrows(ModelLoadException.class,
                () -> HeatmapLandmarker.load(model, wrongInput, CPU)).getMessage();
        assertTrue(inputMessage.contains("[1, 64, 64, 3], expected [1, 32, 32, 3]"), inputMessage);
    }
}
