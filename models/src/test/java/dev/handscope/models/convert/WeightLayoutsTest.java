package dev.handscope.models.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class WeightLayoutsTest {

    @Test
    void transposesAMatrix() {
        float[] rows = {1, 2, 3, 4, 5, 6}; // [[1 2 3] [4 5 6]]
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, WeightLayouts.permute(rows, new int[] {2, 3}, 1, 0));
    }

    @Test
    void movesFourDimensionalFiltersLikeNumpysTranspose() {
        int o = 2, h = 3, w = 2, i = 4;
        float[] ohwi = new float[o * h * w * i];
        for (int n = 0; n < ohwi.length; n++) {
            ohwi[n] = n;
        }
        float[] hwio = new float[ohwi.length];
        float[] oihw = new float[ohwi.length];
        for (int a = 0; a < o; a++) {
            for (int b = 0; b < h; b++) {
                for (int c = 0; c < w; c++) {
                    for (int d = 0; d < i; d++) {
                        float value = ohwi[((a * h + b) * w + c) * i + d];
                        hwio[((b * w + c) * i + d) * o + a] = value;
                        oihw[((a * i + d) * h + b) * w + c] = value;
                    }
                }
            }
        }
        int[] shape = {o, h, w, i};
        assertArrayEquals(hwio, WeightLayouts.permute(ohwi, shape, 1, 2, 3, 0));
        assertArrayEquals(oihw, WeightLayouts.permute(ohwi, shape, 0, 3, 1, 2));
        assertArrayEquals(ohwi, WeightLayouts.permute(ohwi, shape, 0, 1, 2, 3));
    }
}
