package dev.handscope.engine.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Normalisation, channel order and padding of the model input, on a real photo. */
class ModelInputWarpTest {
    private static final Path PHOTO = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "media", "woman_hands.jpg");

    @Test
    void meanStdAndBgrApplyPerChannel() {
        InputSpec spec = new InputSpec(8, 4, new float[] {10, 20, 30}, new float[] {2, 4, 8}, true, 0);
        try (RgbImage image = RgbImage.read(PHOTO); ModelInputWarp warp = new ModelInputWarp(spec)) {
            assertNotNull(image);
            float[] input = new float[8 * 4 * 3];
            warp.warp(image, new double[] {1, 0, 100, 0, 1, 200}, input); // an 8x4 window at (100, 200)
            byte[] rgb = warp.lastBytes();
            float[] mean = {10, 20, 30};
            float[] std = {2, 4, 8};
            for (int p = 0; p < 8 * 4; p++) {
                for (int c = 0; c < 3; c++) {
                    int rgbChannel = 2 - c; // the model reads B, G, R
                    assertEquals(((rgb[3 * p + rgbChannel] & 0xff) - mean[rgbChannel]) / std[rgbChannel],
                            input[3 * p + c], 1e-5, "pixel " + p + " channel " + c);
                }
            }
        }
    }

    @Test
    void outsideTheImageIsThePadValueNormalised() {
        InputSpec spec = new InputSpec(4, 4, new float[3], new float[] {255, 255, 255}, false, 114);
        try (RgbImage image = RgbImage.read(PHOTO); ModelInputWarp warp = new ModelInputWarp(spec)) {
            float[] input = new float[4 * 4 * 3];
            warp.warp(image, new double[] {1, 0, -1000, 0, 1, -1000}, input);
            for (float value : input) {
                assertEquals(114 / 255f, value, 1e-6);
            }
        }
    }
}
