package dev.handscope.engine.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CropGeometryTest {

    @Test
    void uprightSquareCropSamplesPixelCentresOfTheRectangle() {
        // A 448x448 image cropped whole to 224: crop pixel 0 covers image pixels [0, 2), centre at x = 1,
        // which in OpenCV's pixel-centre coordinates is 0.5.
        CropGeometry crop = new CropGeometry(new RotatedRect(0.5, 0.5, 1, 1, 0), 448, 448, 224);
        double[] m = crop.cropToImageAffine();
        assertEquals(2, m[0], 1e-12);
        assertEquals(0, m[1], 1e-12);
        assertEquals(0.5, m[2], 1e-12);
        assertEquals(0.5, m[5], 1e-12);
        assertEquals(0.5 + 2 * 223, m[0] * 223 + m[2], 1e-9, "last crop pixel samples the last pair's centre");
    }

    @Test
    void rectangleGrowsToASquareOfItsLongerSideInPixels() {
        // MediaPipe's golden rectangle on left_hands.jpg: half the width (360 px) by the full height (382 px).
        CropGeometry crop = new CropGeometry(new RotatedRect(0.25, 0.5, 0.5, 1.0, 0), 720, 382, 224);
        assertEquals(382, crop.side(), 1e-9);
        RotatedRect square = crop.squareRect();
        assertEquals(382.0 / 720, square.width(), 1e-12);
        assertEquals(1.0, square.height(), 1e-12);
    }

    @Test
    void halfTurnMapsTheCropsTopLeftToTheRectanglesBottomRight() {
        CropGeometry crop = new CropGeometry(new RotatedRect(0.5, 0.5, 0.5, 0.5, Math.PI), 400, 400, 200);
        float[] image = new float[3];
        crop.cropToImage(new float[] {0, 0, 0}, image, 1);
        assertEquals(0.75, image[0], 1e-6);
        assertEquals(0.75, image[1], 1e-6);
        crop.cropToImage(new float[] {100, 100, 0}, image, 1);
        assertEquals(0.5, image[0], 1e-6, "the crop's centre is the rectangle's centre");
        assertEquals(0.5, image[1], 1e-6);
    }

    @Test
    void quarterTurnIsClockwiseOnScreen() {
        // y points down: turning +90 degrees takes the crop's "up" (-y) to the image's +x.
        CropGeometry crop = new CropGeometry(new RotatedRect(0.5, 0.5, 0.5, 0.5, Math.PI / 2), 400, 400, 200);
        float[] image = new float[3];
        crop.cropToImage(new float[] {100, 0, 0}, image, 1);
        assertEquals(0.75, image[0], 1e-6);
        assertEquals(0.5, image[1], 1e-6);
    }

    @Test
    void warpAndLandmarkMappingAgree() {
        CropGeometry crop = new CropGeometry(new RotatedRect(0.4, 0.6, 0.3, 0.5, 0.7), 640, 480, 224);
        double[] m = crop.cropToImageAffine();
        float[] image = new float[3];
        for (int u = 0; u < 224; u += 37) {
            for (int v = 0; v < 224; v += 41) {
                crop.cropToImage(new float[] {u + 0.5f, v + 0.5f, 0}, image, 1);
                double sampleX = m[0] * u + m[1] * v + m[2];
                double sampleY = m[3] * u + m[4] * v + m[5];
                assertEquals(sampleX + 0.5, image[0] * 640, 1e-3);
                assertEquals(sampleY + 0.5, image[1] * 480, 1e-3);
            }
        }
    }

    @Test
    void depthIsScaledLikeXAndDividedByTheZScale() {
        CropGeometry crop = new CropGeometry(new RotatedRect(0.5, 0.5, 0.5, 0.5, 0), 400, 400, 200);
        float[] image = new float[3];
        crop.cropToImage(new float[] {100, 100, 40}, image, 0.4);
        assertEquals(40.0 / 200 / 0.4 * 200 / 400, image[2], 1e-6);
    }

    @Test
    void worldLandmarksTurnWithTheCrop() {
        CropGeometry crop = new CropGeometry(new RotatedRect(0.5, 0.5, 0.5, 0.5, Math.PI / 2), 400, 400, 224);
        float[] out = new float[3];
        crop.rotateWorld(new float[] {0.01f, 0, 0.02f}, out);
        assertEquals(0, out[0], 1e-9);
        assertEquals(0.01f, out[1], 1e-9);
        assertEquals(0.02f, out[2], 1e-9);
    }

    @Test
    void roiOptionParses() {
        assertEquals(new RotatedRect(0.25, 0.5, 0.5, 1, 3.14), RotatedRect.parse("0.25, 0.5,0.5,1,3.14"));
        assertThrows(IllegalArgumentException.class, () -> RotatedRect.parse("0.25,0.5,0.5"));
        assertThrows(IllegalArgumentException.class, () -> RotatedRect.parse("0.25,0.5,0,1,0"));
        assertThrows(IllegalArgumentException.class, () -> RotatedRect.parse("a,0.5,0.5,1,0"));
    }
}
