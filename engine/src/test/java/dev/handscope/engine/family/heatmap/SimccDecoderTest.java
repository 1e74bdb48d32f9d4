package dev.handscope.engine.family.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimccDecoderTest {
    private static final int K = 3;
    private static final int BX = 96; // 48 px * 2
    private static final int BY = 128; // 64 px * 2

    @Test
    void positionIsTheArgmaxOverTheSplitRatioAndScoreTheSmallerMaximum() {
        float[] x = new float[K * BX];
        float[] y = new float[K * BY];
        int[][] bins = {{37, 50}, {0, 127}, {95, 1}};
        float[][] maxima = {{0.9f, 0.7f}, {0.4f, 0.6f}, {1.3f, 1.2f}};
        for (int k = 0; k < K; k++) {
            for (int i = 0; i < BX; i++) {
                x[k * BX + i] = 0.1f * (float) Math.sin(i + k); // clutter below every maximum
            }
            for (int i = 0; i < BY; i++) {
                y[k * BY + i] = 0.1f * (float) Math.cos(i - k);
            }
            x[k * BX + bins[k][0]] = maxima[k][0];
            y[k * BY + bins[k][1]] = maxima[k][1];
        }
        SimccDecoder decoder = new SimccDecoder(K, BX, BY, 2.0);
        for (int k = 0; k < K; k++) {
            Peak peak = decoder.decode(x, y, k);
            assertEquals(bins[k][0] / 2.0, peak.x(), 0, "x of " + k);
            assertEquals(bins[k][1] / 2.0, peak.y(), 0, "y of " + k);
            assertEquals(Math.min(maxima[k][0], maxima[k][1]), peak.score(), 0, "score of " + k);
        }
        assertEquals(37 / 3.0, new SimccDecoder(K, BX, BY, 3.0).decode(x, y, 0).x(), 1e-12);
    }

    @Test
    void nanGivesNoPeak() {
        float[] x = new float[K * BX];
        float[] y = new float[K * BY];
        y[BY + 5] = Float.NaN;
        SimccDecoder decoder = new SimccDecoder(K, BX, BY, 2.0);
        assertEquals(Peak.NON_FINITE, decoder.decode(x, y, 1));
        assertTrue(decoder.decode(x, y, 0).finite());
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new float[3], y, 0));
    }
}
