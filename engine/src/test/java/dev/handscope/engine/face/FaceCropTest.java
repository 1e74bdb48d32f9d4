package dev.handscope.engine.face;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.handscope.engine.landmarks.RotatedRect;
import org.junit.jupiter.api.Test;

class FaceCropTest {

    @Test
    void levelEyesGiveAnUprightSquareOneAndAHalfTimesTheBoxLongSide() {
        // A 640x480 image; box 0.2 x 0.4 of it (128 x 192 px); eyes level.
        float[] keypoints = new float[12];
        keypoints[0] = 0.45f;
        keypoints[1] = 0.4f;
        keypoints[2] = 0.55f;
        keypoints[3] = 0.4f;
        FaceDetection face = new FaceDetection(0.4f, 0.3f, 0.2f, 0.4f, 0.9f, keypoints);
        RotatedRect crop = FaceCrop.of(face, 640, 480);
        assertEquals(0, crop.rotation(), 1e-9);
        assertEquals(0.5, crop.centerX(), 1e-6);
        assertEquals(0.5, crop.centerY(), 1e-6);
        assertEquals(192 * 1.5 / 640, crop.width(), 1e-6);
        assertEquals(192 * 1.5 / 480, crop.height(), 1e-6);
    }

    @Test
    void theCropTurnsWithTheEyeLine() {
        // The left eye lower on screen than the right: the head is tilted clockwise.
        assertEquals(Math.PI / 4, FaceCrop.rotation(100, 100, 200, 200), 1e-9);
        assertEquals(-Math.PI / 4, FaceCrop.rotation(100, 200, 200, 100), 1e-9);
        // Upside down: eyes swapped.
        assertEquals(-Math.PI, FaceCrop.rotation(200, 100, 100, 100), 1e-9);
    }

    @Test
    void landmarksGiveTheirBoundsScaledAndTheEyeCornerRotation() {
        float[] landmarks = new float[FaceLandmarks.COUNT * 3];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            landmarks[3 * i] = 0.3f + 0.2f * (i % 10) / 9f; // x in [0.3, 0.5]
            landmarks[3 * i + 1] = 0.2f + 0.3f * (i % 7) / 6f; // y in [0.2, 0.5]
        }
        landmarks[3 * FaceCrop.RIGHT_EYE_OUTER] = 0.35f;
        landmarks[3 * FaceCrop.RIGHT_EYE_OUTER + 1] = 0.3f;
        landmarks[3 * FaceCrop.LEFT_EYE_OUTER] = 0.45f;
        landmarks[3 * FaceCrop.LEFT_EYE_OUTER + 1] = 0.3f + 0.1f * 640 / 480; // 45 degrees in pixels
        RotatedRect crop = FaceCrop.fromLandmarks(landmarks, 640, 480);
        assertEquals(Math.PI / 4, crop.rotation(), 1e-6);
        assertEquals(0.4, crop.centerX(), 1e-6);
        assertEquals(0.35, crop.centerY(), 1e-6);
        double longSide = Math.max(0.2 * 640, 0.3 * 480); // 144 px
        assertEquals(longSide * 1.5 / 640, crop.width(), 1e-6);
        assertEquals(longSide * 1.5 / 480, crop.height(), 1e-6);
    }
}
