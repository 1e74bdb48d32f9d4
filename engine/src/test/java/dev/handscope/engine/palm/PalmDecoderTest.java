package dev.handscope.engine.palm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PalmDecoderTest {
    private final PalmDecoder decoder = new PalmDecoder(SsdAnchors.generate(SsdAnchors.PALM_192), 192, 0.5f, 0.3f);

    private static PalmDetection box(float x, float y, float size, float score) {
        return new PalmDetection(x, y, size, size, score, new float[14]);
    }

    @Test
    void weightedSuppressionMergesOverlapsByScoreAndKeepsTheBestScore() {
        List<PalmDetection> kept = decoder.weightedNonMaxSuppression(List.of(
                box(0.10f, 0.10f, 0.2f, 0.9f), box(0.12f, 0.10f, 0.2f, 0.6f), box(0.7f, 0.7f, 0.1f, 0.8f)));
        assertEquals(2, kept.size());
        assertEquals(0.9f, kept.get(0).score());
        assertEquals((0.10 * 0.9 + 0.12 * 0.6) / 1.5, kept.get(0).xmin(), 1e-6);
        assertEquals(0.7f, kept.get(1).xmin(), 1e-6);
    }

    @Test
    void anchorOffsetsAreDecodedInInputPixels() {
        float[] boxes = new float[2016 * PalmDecoder.VALUES_PER_ANCHOR];
        float[] scores = new float[2016];
        java.util.Arrays.fill(scores, -10f);
        int anchor = 300; // some anchor of the 24x24 layer
        SsdAnchors.Anchor a = SsdAnchors.generate(SsdAnchors.PALM_192).get(anchor);
        scores[anchor] = 3f;
        int base = anchor * PalmDecoder.VALUES_PER_ANCHOR;
        boxes[base] = 9.6f;      // +0.05 of the input
        boxes[base + 2] = 38.4f; // 0.2 wide
        boxes[base + 3] = 19.2f; // 0.1 high
        boxes[base + 4] = -19.2f;
        List<PalmDetection> palms = decoder.decode(boxes, scores);
        assertEquals(1, palms.size());
        PalmDetection palm = palms.get(0);
        assertEquals(1 / (1 + Math.exp(-3)), palm.score(), 1e-6);
        assertEquals(a.x() + 0.05f, palm.centerX(), 1e-6);
        assertEquals(a.y(), palm.centerY(), 1e-6);
        assertEquals(0.2f, palm.width(), 1e-6);
        assertEquals(0.1f, palm.height(), 1e-6);
        assertEquals(a.x() - 0.1f, palm.keypointX(0), 1e-6);
    }

    @Test
    void aZeroSizeBoxIsKeptOnceNotLoopedOver() {
        assertEquals(1, decoder.weightedNonMaxSuppression(List.of(box(0.3f, 0.3f, 0f, 0.9f))).size());
    }

    @Test
    void anchorsWithNaNOrInfinityAreDroppedAndCountedNeverDecoded() {
        float[] boxes = new float[2016 * PalmDecoder.VALUES_PER_ANCHOR];
        float[] scores = new float[2016];
        java.util.Arrays.fill(scores, -10f);
        scores[300] = 3f;
        scores[900] = Float.NaN; // a NaN score passed the old score test: NaN < minScore is false
        scores[1200] = 3f;
        boxes[1200 * PalmDecoder.VALUES_PER_ANCHOR + 2] = Float.POSITIVE_INFINITY;
        List<PalmDetection> palms = decoder.decode(boxes, scores);
        assertEquals(1, palms.size(), "only the finite anchor");
        assertTrue(Float.isFinite(palms.get(0).score()) && Float.isFinite(palms.get(0).width()));
        assertEquals(2, decoder.nonFinite());
    }

    @Test
    void letterboxRemovalMapsTheContentAreaBackToTheWholeImage() {
        // 720x382 letterboxed into 192: 192x101.87, centred with 45.07 px bars above and below.
        LetterboxGeometry geometry = new LetterboxGeometry(720, 382, 0, 192);
        double bar = (192 - 382 * 192.0 / 720) / 2 / 192;
        PalmDetection inModel = new PalmDetection(0f, (float) bar, 1f, (float) (1 - 2 * bar), 0.9f,
                new float[] {0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        PalmDetection inImage = geometry.toImage(inModel);
        assertEquals(0, inImage.xmin(), 1e-5);
        assertEquals(0, inImage.ymin(), 1e-5);
        assertEquals(1, inImage.width(), 1e-5);
        assertEquals(1, inImage.height(), 1e-5);
        assertEquals(0.5, inImage.keypointX(0), 1e-6);
        assertEquals(0.5, inImage.keypointY(0), 1e-6);
    }
}
