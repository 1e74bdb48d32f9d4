package dev.handscope.engine.family.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeatmapDecoderTest {
    private static final int H = 64;
    private static final int W = 48;
    private static final double SIGMA = 2;
    /** Sub-cell peaks (x, y), one per keypoint, well inside the map. */
    private static final double[][] PEAKS = {{20.3, 31.7}, {30.62, 12.18}, {13.45, 45.9}, {24.5, 24.0}, {9.87, 50.49}};

    /** Gaussian heatmaps (mmpose's MSRA encoding, unit peak at the sub-cell position) in the given layout. */
    static float[] gaussians(HeatmapLayout layout, double[][] peaks, double sigma) {
        int k = peaks.length;
        float[] maps = new float[H * W * k];
        for (int p = 0; p < k; p++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double dx = x - peaks[p][0];
                    double dy = y - peaks[p][1];
                    maps[layout.index(H, W, k, p, y, x)] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                }
            }
        }
        return maps;
    }

    private static double worstError(HeatmapDecode method, HeatmapLayout layout) {
        float[] maps = gaussians(layout, PEAKS, SIGMA);
        HeatmapDecoder decoder = new HeatmapDecoder(method, layout, H, W, PEAKS.length, HeatmapDecoder.DEFAULT_BLUR_KERNEL);
        double worst = 0;
        for (int k = 0; k < PEAKS.length; k++) {
            Peak peak = decoder.decode(maps, k);
            assertTrue(peak.finite());
            worst = Math.max(worst, Math.max(Math.abs(peak.x() - PEAKS[k][0]), Math.abs(peak.y() - PEAKS[k][1])));
        }
        return worst;
    }

    @Test
    void darkFindsSubPixelPeaksWithinFiveHundredthsOfACell() {
        double error = worstError(HeatmapDecode.DARK, HeatmapLayout.NHWC);
        assertTrue(error < 0.05, "DARK error " + error);
        // and it does refine: plain argmax is off by up to half a cell on these peaks
        assertTrue(worstError(HeatmapDecode.ARGMAX_QUARTER, HeatmapLayout.NHWC) > 0.1);
    }

    @Test
    void softArgmaxFindsSubPixelPeaks() {
        double error = worstError(HeatmapDecode.SOFT_ARGMAX, HeatmapLayout.NHWC);
        assertTrue(error < 0.05, "soft-argmax error " + error);
    }

    @Test
    void argmaxQuarterIsWithinAQuarterCell() {
        double error = worstError(HeatmapDecode.ARGMAX_QUARTER, HeatmapLayout.NHWC);
        assertTrue(error <= 0.25 + 1e-9, "argmax+quarter error " + error);
    }

    @Test
    void argmaxQuarterStepsTowardTheHigherNeighbour() {
        float[] maps = gaussians(HeatmapLayout.NHWC, new double[][] {{20.3, 31.7}}, SIGMA);
        Peak peak = new HeatmapDecoder(HeatmapDecode.ARGMAX_QUARTER, HeatmapLayout.NHWC, H, W, 1, 11).decode(maps, 0);
        assertEquals(20.25, peak.x(), 1e-12);
        assertEquals(31.75, peak.y(), 1e-12);
        assertEquals(Math.exp(-(0.09 + 0.09) / 8), peak.score(), 1e-6, "score is the peak value");
    }

    @ParameterizedTest
    @EnumSource(HeatmapDecode.class)
    void nchwAndNhwcGiveTheSameAnswer(HeatmapDecode method) {
        float[] nhwc = gaussians(HeatmapLayout.NHWC, PEAKS, SIGMA);
        float[] nchw = gaussians(HeatmapLayout.NCHW, PEAKS, SIGMA);
        HeatmapDecoder a = new HeatmapDecoder(method, HeatmapLayout.NHWC, H, W, PEAKS.length, 11);
        HeatmapDecoder b = new HeatmapDecoder(method, HeatmapLayout.NCHW, H, W, PEAKS.length, 11);
        for (int k = 0; k < PEAKS.length; k++) {
            assertEquals(a.decode(nhwc, k), b.decode(nchw, k));
        }
        // the layouts really differ: read as NHWC, the NCHW data is something else
        assertFalse(a.decode(nchw, 1).equals(a.decode(nhwc, 1)));
    }

    @ParameterizedTest
    @EnumSource(HeatmapDecode.class)
    void nanOrInfinityGivesNoPeak(HeatmapDecode method) {
        float[] maps = gaussians(HeatmapLayout.NHWC, PEAKS, SIGMA);
        maps[HeatmapLayout.NHWC.index(H, W, PEAKS.length, 2, 5, 7)] = Float.NaN;
        maps[HeatmapLayout.NHWC.index(H, W, PEAKS.length, 3, 0, 0)] = Float.POSITIVE_INFINITY;
        HeatmapDecoder decoder = new HeatmapDecoder(method, HeatmapLayout.NHWC, H, W, PEAKS.length, 11);
        assertEquals(Peak.NON_FINITE, decoder.decode(maps, 2));
        assertEquals(Peak.NON_FINITE, decoder.decode(maps, 3));
        assertTrue(decoder.decode(maps, 1).finite(), "other keypoints still decode");
    }

    @Test
    void darkKernelIsOpenCvs() {
        double[] k = HeatmapDecoder.gaussianKernel(11);
        double sum = 0;
        for (double v : k) {
            sum += v;
        }
        assertEquals(1, sum, 1e-12);
        // OpenCV's sigma for size 11 is 2: neighbouring weights differ by exp(-(2*5-1)/(2*4)) at the tail
        assertEquals(Math.exp(-(25 - 16) / 8.0), k[0] / k[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new HeatmapDecoder(HeatmapDecode.DARK, HeatmapLayout.NHWC,
                H, W, 1, 4));
    }

    @Test
    void parsesTheSpecNames() {
        assertEquals(HeatmapDecode.ARGMAX_QUARTER, HeatmapDecode.parse("argmax+quarter"));
        assertEquals(HeatmapDecode.DARK, HeatmapDecode.parse("DARK"));
        assertEquals(HeatmapDecode.SOFT_ARGMAX, HeatmapDecode.parse("soft-argmax"));
        assertThrows(IllegalArgumentException.class, () -> HeatmapDecode.parse("argmax"));
        assertEquals(HeatmapLayout.NCHW, HeatmapLayout.parse("nchw"));
        assertThrows(IllegalArgumentException.class, () -> HeatmapLayout.parse("NDHWC"));
    }
}
