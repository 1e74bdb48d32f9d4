package dev.handscope.render.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayTransformTest {

    @Test
    void wideViewLetterboxesLeftAndRight() {
        DisplayTransform t = new DisplayTransform(1000, 360, 640, 360, false);
        assertEquals(1.0, t.scale(), 1e-12);
        assertEquals(180, t.offsetX(), 1e-12);
        assertEquals(0, t.offsetY(), 1e-12);
        assertEquals(180, t.toViewX(0), 1e-12);
        assertEquals(820, t.toViewX(1), 1e-12);
        assertEquals(180, t.toViewY(0.5), 1e-12);
    }

    @Test
    void tallViewLetterboxesTopAndBottom() {
        DisplayTransform t = new DisplayTransform(320, 1000, 640, 360, false);
        assertEquals(0.5, t.scale(), 1e-12);
        assertEquals(0, t.offsetX(), 1e-12);
        assertEquals((1000 - 180) / 2.0, t.offsetY(), 1e-12);
        assertEquals(t.offsetY() + 180, t.toViewY(1), 1e-12);
    }

    @Test
    void mirrorFlipsOnlyTheHorizontalAxis() {
        DisplayTransform plain = new DisplayTransform(800, 450, 640, 360, false);
        DisplayTransform mirrored = new DisplayTransform(800, 450, 640, 360, true);
        assertEquals(plain.toViewX(0.8), mirrored.toViewX(0.2), 1e-12);
        assertEquals(plain.toViewY(0.3), mirrored.toViewY(0.3), 1e-12);
        // The left edge of the unmirrored frame is drawn at the right edge of the picture.
        assertEquals(mirrored.offsetX() + mirrored.shownWidth(), mirrored.toViewX(0), 1e-12);
    }

    @Test
    void viewToImageInvertsImageToView() {
        for (boolean mirror : new boolean[] {false, true}) {
            DisplayTransform t = new DisplayTransform(977, 523, 640, 480, mirror);
            for (double x = 0; x <= 1; x += 0.125) {
                assertEquals(x, t.toNormalizedX(t.toViewX(x)), 1e-12);
                assertEquals(x, t.toNormalizedY(t.toViewY(x)), 1e-12);
            }
        }
    }
}
