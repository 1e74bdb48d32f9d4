package dev.handscope.engine.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.handscope.engine.palm.SsdAnchors;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceDecoderTest {
    private static final List<SsdAnchors.Anchor> ANCHORS = SsdAnchors.generate(FaceDetectorModel.ANCHOR_OPTIONS);

    @Test
    void theShortRangeOptionsGive896AnchorsInTheModelsOrder() {
        assertEquals(896, ANCHORS.size());
        // 16x16 cells of stride 8, two anchors each, then 8x8 cells of stride 16, six each.
        assertEquals(new SsdAnchors.Anchor(0.5f / 16, 0.5f / 16, 1, 1), ANCHORS.get(0));
        assertEquals(ANCHORS.get(0), ANCHORS.get(1));
        assertEquals(new SsdAnchors.Anchor(1.5f / 16, 0.5f / 16, 1, 1), ANCHORS.get(2));
        assertEquals(new SsdAnchors.Anchor(0.5f / 8, 0.5f / 8, 1, 1), ANCHORS.get(512));
        assertEquals(new SsdAnchors.Anchor(0.5f / 8, 0.5f / 8, 1, 1), ANCHORS.get(517));
        assertEquals(new SsdAnchors.Anchor(1.5f / 8, 0.5f / 8, 1, 1), ANCHORS.get(518));
        assertEquals(new SsdAnchors.Anchor(7.5f / 8, 7.5f / 8, 1, 1), ANCHORS.get(895));
    }

    @Test
    void anAnchorDecodesRelativeToItsCentreInInputPixels() {
        float[] boxes = new float[896 * 16];
        float[] scores = filled(896, -10);
        int anchor = 600; // stride 16 layer
        scores[anchor] = 2; // sigmoid 0.881
        int base = anchor * 16;
        boxes[base] = 12.8f; // +0.1 of the input
        boxes[base + 1] = -6.4f;
        boxes[base + 2] = 32; // width 0.25
        boxes[base + 3] = 64; // height 0.5
        for (int k = 0; k < 6; k++) {
            boxes[base + 4 + 2 * k] = k * 1.28f;
            boxes[base + 5 + 2 * k] = -k * 1.28f;
        }
        List<FaceDetection> faces = new FaceDecoder(ANCHORS, 128, 0.5f, 0.3f).decode(boxes, scores);
        assertEquals(1, faces.size());
        FaceDetection face = faces.get(0);
        SsdAnchors.Anchor a = ANCHORS.get(anchor);
        assertEquals(1 / (1 + Math.exp(-2)), face.score(), 1e-6);
        assertEquals(a.x() + 0.1f, face.centerX(), 1e-6);
        assertEquals(a.y() - 0.05f, face.centerY(), 1e-6);
        assertEquals(0.25f, face.width(), 1e-6);
        assertEquals(0.5f, face.height(), 1e-6);
        assertEquals(a.x() + 0.05f, face.keypointX(5), 1e-6);
        assertEquals(a.y() - 0.05f, face.keypointY(5), 1e-6);
    }

    @Test
    void overlappingBoxesMergeByScoreAndDistantOnesStay() {
        FaceDetection strong = face(0.10f, 0.10f, 0.40f, 0.9f, 0.2f);
        FaceDetection near = face(0.12f, 0.10f, 0.40f, 0.3f, 0.4f);
        FaceDetection far = face(0.60f, 0.60f, 0.30f, 0.7f, 0.8f);
        List<FaceDetection> kept = new FaceDecoder(ANCHORS, 128, 0.5f, 0.3f)
                .weightedNonMaxSuppression(List.of(near, far, strong));
        assertEquals(2, kept.size());
        FaceDetection merged = kept.get(0);
        assertEquals(0.9f, merged.score());
        assertEquals((0.9 * 0.10 + 0.3 * 0.12) / 1.2, merged.xmin(), 1e-6);
        assertEquals((0.9 * 0.2 + 0.3 * 0.4) / 1.2, merged.keypointX(0), 1e-6);
        FaceDetection alone = kept.get(1);
        assertEquals(0.7f, alone.score());
        assertEquals(0.60f, alone.xmin(), 1e-6);
        assertEquals(0.30f, alone.width(), 1e-6);
        assertEquals(0.8f, alone.keypointY(5), 1e-6);
    }

    @Test
    void scoresBelowTheThresholdAndBadShapesAreRefused() {
        float[] boxes = new float[896 * 16];
        List<FaceDetection> none = new FaceDecoder(ANCHORS, 128, 0.5f, 0.3f).decode(boxes, filled(896, -0.1f));
        assertEquals(List.of(), none);
        // Zero-sized boxes (all-zero regressions) are not faces even with a high score.
        assertEquals(List.of(), new FaceDecoder(ANCHORS, 128, 0.5f, 0.3f).decode(boxes, filled(896, 5)));
        assertThrows(IllegalArgumentException.class,
                () -> new FaceDecoder(ANCHORS, 128, 0.5f, 0.3f).decode(new float[2016 * 18], new float[2016]));
    }

    private static FaceDetection face(float x, float y, float side, float score, float keypoint) {
        float[] keypoints = new float[12];
        java.util.Arrays.fill(keypoints, keypoint);
        return new FaceDetection(x, y, side, side, score, keypoints);
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
