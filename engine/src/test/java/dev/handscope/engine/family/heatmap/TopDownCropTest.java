package dev.handscope.engine.family.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;
import dev.handscope.engine.landmarks.CropGeometry;
import dev.handscope.engine.landmarks.RotatedRect;
import org.junit.jupiter.api.Test;

class TopDownCropTest {

    @Test
    void cropIsTheRegionScaledAndTurnedOnlyWhenAsked() {
        RotatedRect region = new RotatedRect(0.5, 0.4, 0.2, 0.3, 0.6);
        for (boolean rotate : new boolean[] {true, false}) {
            TopDownOptions options = new TopDownOptions(InputSpec.unitRange(256, 256), 1.25, rotate, 21,
                    KeypointMap.identity());
            CropGeometry crop = TopDownCrop.geometry(region, 640, 480, options);
            assertEquals(Math.max(0.2 * 640, 0.3 * 480) * 1.25, crop.side(), 1e-9);
            assertEquals(rotate ? 0.6 : 0, crop.squareRect().rotation());
            float[] centre = new float[3];
            crop.cropToImage(new float[] {128, 128, 0}, centre, 1);
            assertEquals(0.5, centre[0], 1e-6);
            assertEquals(0.4, centre[1], 1e-6);
        }
    }

    @Test
    void approximateWorldIsCentredFlatAndScaledToTheBone() {
        float[] image = new float[63];
        for (int i = 0; i < 21; i++) {
            image[3 * i] = 0.3f + 0.01f * i;
            image[3 * i + 1] = 0.6f - 0.005f * i * (i % 3);
            image[3 * i + 2] = 0.2f;
        }
        float[] world = TopDownCrop.approximateWorld(image, 640, 480, 0.09);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < 21; i++) {
            mx += world[3 * i];
            my += world[3 * i + 1];
            assertEquals(0, world[3 * i + 2]);
        }
        assertEquals(0, mx, 1e-6);
        assertEquals(0, my, 1e-6);
        assertEquals(0.09, Math.hypot(world[27] - world[0], world[28] - world[1]), 1e-6);
        // the aspect is kept: pixel offsets, not normalised ones
        double ratio = (world[3] - world[0]) / ((image[3] - image[0]) * 640.0);
        assertEquals(ratio, (world[4] - world[1]) / ((image[4] - image[1]) * 480.0), 1e-4);
        assertArrayEquals(new float[63], TopDownCrop.approximateWorld(new float[63], 640, 480, 0.09));
    }
}
