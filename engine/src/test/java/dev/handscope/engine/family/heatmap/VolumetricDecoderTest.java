package dev.handscope.engine.family.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VolumetricDecoderTest {
    private static final int H = 32;
    private static final int W = 24;
    private static final int D = 16;

    @Test
    void softArgmaxRecoversSubCellPositionAndDepth() {
        double[][] peaks = {{10.3, 14.6, 7.2}, {5.85, 20.05, 9.61}};
        VolumetricDecoder decoder = new VolumetricDecoder(H, W, D, peaks.length);
        float[] volume = new float[H * W * D * peaks.length];
        double sigma = 1.5;
        for (int k = 0; k < peaks.length; k++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    for (int z = 0; z < D; z++) {
                        double d2 = Math.pow(x - peaks[k][0], 2) + Math.pow(y - peaks[k][1], 2)
                                + Math.pow(z - peaks[k][2], 2);
                        volume[decoder.index(k, x, y, z)] = (float) (0.8 * Math.exp(-d2 / (2 * sigma * sigma)));
                    }
                }
            }
        }
        for (int k = 0; k < peaks.length; k++) {
            Peak peak = decoder.decode(volume, k);
            assertEquals(peaks[k][0], peak.x(), 0.01, "x of " + k);
            assertEquals(peaks[k][1], peak.y(), 0.01, "y of " + k);
            assertEquals(peaks[k][2], peak.z(), 0.01, "depth of " + k);
            assertTrue(peak.score() > 0.6 && peak.score() <= 0.8, "score is the peak value: " + peak.score());
        }
    }

    @Test
    void indexIsHeightWidthDepthKeypoint() {
        VolumetricDecoder decoder = new VolumetricDecoder(H, W, D, 3);
        assertEquals(((5 * W + 4) * D + 2) * 3 + 1, decoder.index(1, 4, 5, 2));
        float[] volume = new float[H * W * D * 3];
        volume[decoder.index(1, 4, 5, 2)] = 1;
        assertEquals(new Peak(4, 5, 2, 1, true), decoder.decode(volume, 1));
    }

    @Test
    void nanGivesNoPeak() {
        VolumetricDecoder decoder = new VolumetricDecoder(H, W, D, 2);
        float[] volume = new float[H * W * D * 2];
        volume[decoder.index(0, 3, 3, 3)] = Float.NEGATIVE_INFINITY;
        assertEquals(Peak.NON_FINITE, decoder.decode(volume, 0));
        assertTrue(decoder.decode(volume, 1).finite());
    }
}
