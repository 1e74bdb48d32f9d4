package dev.handscope.engine.family.yolo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.family.yolo.YoloPoseDecoder.Candidate;
import dev.handscope.engine.family.yolo.YoloPoseDecoder.Layout;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class YoloPoseDecoderTest {
    private static final List<String> HAND = List.of("hand");
    private static final List<String> LEFT_RIGHT = List.of("left", "right");

    private static YoloPoseDecoder decoder(List<String> classes, boolean normalized) {
        return new YoloPoseDecoder(YoloOutputs.options(classes, 21, normalized, KeypointMap.identity()));
    }

    private static void assertCandidate(Candidate c, float cx, float cy, float w, float h, float score, float delta) {
        assertEquals(cx, c.centerX(), delta);
        assertEquals(cy, c.centerY(), delta);
        assertEquals(w, c.width(), delta);
        assertEquals(h, c.height(), delta);
        assertEquals(score, c.score());
        for (int l = 0; l < 21; l++) {
            float[] p = YoloOutputs.point(cx, cy, w, h, l, 21);
            assertEquals(p[0], c.landmarkX(l), delta, "landmark " + l + " x");
            assertEquals(p[1], c.landmarkY(l), delta, "landmark " + l + " y");
            assertEquals(l / 100f, c.visibility()[l], "landmark " + l + " visibility");
        }
    }

    private static YoloOutputs twoHandsAndAWeakOne() {
        return new YoloOutputs(1, 21)
                .add(40, 50, 30, 40, 0.6f)
                .add(120, 70, 20, 24, 0.9f)
                .add(80, 20, 10, 10, 0.2f);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void pixelBoxesAndKeypointsComeBackExactlyBestFirst(Layout layout) {
        YoloOutputs out = twoHandsAndAWeakOne();
        assertEquals(layout, YoloPoseDecoder.layout(out.shape(layout), out.values()));
        List<Candidate> found = decoder(HAND, false).decode(out.array(layout), out.shape(layout), 0.25f);
        assertEquals(2, found.size());
        assertCandidate(found.get(0), 120, 70, 20, 24, 0.9f, 0);
        assertCandidate(found.get(1), 40, 50, 30, 40, 0.6f, 0);
        assertEquals(0, found.get(0).classIndex());
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void normalizedCoordinatesAreScaledToInputPixels(Layout layout) {
        YoloOutputs out = twoHandsAndAWeakOne().normalize();
        List<Candidate> found = decoder(HAND, true).decode(out.array(layout), out.shape(layout), 0.25f);
        assertEquals(2, found.size());
        assertCandidate(found.get(0), 120, 70, 20, 24, 0.9f, 1e-4f);
        assertCandidate(found.get(1), 40, 50, 30, 40, 0.6f, 1e-4f);
        // The same numbers read as pixels would be a tiny hand in the corner.
        Candidate asPixels = decoder(HAND, false).decode(out.array(layout), out.shape(layout), 0.25f).get(0);
        assertEquals(120f / YoloOutputs.WIDTH, asPixels.centerX(), 1e-6);
    }

    @Test
    void minScoreFiltersOnTheBestClass() {
        YoloOutputs out = twoHandsAndAWeakOne();
        Layout layout = Layout.VALUES_FIRST;
        assertEquals(1, decoder(HAND, false).decode(out.array(layout), out.shape(layout), 0.7f).size());
        assertEquals(3, decoder(HAND, false).decode(out.array(layout), out.shape(layout), 0f).size());
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void suppressionKeepsTheBestOfOverlappingCandidates(Layout layout) {
        YoloOutputs out = new YoloOutputs(1, 21)
                .add(50, 50, 40, 40, 0.6f)
                .add(51, 50, 40, 40, 0.95f)   // the best of the cluster
                .add(50, 51, 40, 40, 0.8f)
                .add(50, 50, 42, 42, 0.7f)
                .add(110, 60, 30, 30, 0.5f)   // far away: kept
                .add(64, 50, 40, 40, 0.85f);  // IoU with the best ~0.53: below 0.7, kept
        List<Candidate> found = decoder(HAND, false).decode(out.array(layout), out.shape(layout), 0.25f);
        assertEquals(3, found.size());
        assertCandidate(found.get(0), 51, 50, 40, 40, 0.95f, 0);
        assertCandidate(found.get(1), 64, 50, 40, 40, 0.85f, 0);
        assertCandidate(found.get(2), 110, 60, 30, 30, 0.5f, 0);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void twoClassesGiveTheArgmaxAndSuppressAcrossClasses(Layout layout) {
        YoloOutputs out = new YoloOutputs(2, 21)
                .add(40, 50, 30, 40, 0.2f, 0.9f)    // right
                .add(41, 50, 30, 40, 0.85f, 0.1f)   // left, same hand: suppressed (class-agnostic)
                .add(120, 70, 20, 24, 0.7f, 0.3f);  // left
        List<Candidate> found = decoder(LEFT_RIGHT, false).decode(out.array(layout), out.shape(layout), 0.25f);
        assertEquals(2, found.size());
        assertEquals(1, found.get(0).classIndex());
        assertEquals(0.9f, found.get(0).score());
        assertArrayEquals(new float[] {0.2f, 0.9f}, found.get(0).classScores());
        assertEquals(0, found.get(1).classIndex());
        assertEquals(0.7f, found.get(1).score());
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void keypointsAreReorderedThroughTheMap(Layout layout) {
        // A 24-keypoint model whose hand landmark l is model keypoint 23 - l.
        int[] sources = new int[21];
        for (int l = 0; l < 21; l++) {
            sources[l] = 23 - l;
        }
        YoloPoseOptions options = YoloOutputs.options(HAND, 24, false, KeypointMap.of(sources, 24));
        float[] points = new float[48];
        float[] visibility = new float[24];
        for (int k = 0; k < 24; k++) {
            points[2 * k] = 1000 + k;
            points[2 * k + 1] = 2000 + k;
            visibility[k] = k / 32f;
        }
        YoloOutputs out = new YoloOutputs(1, 24).add(50, 50, 20, 20, new float[] {0.9f}, points, visibility);
        assertEquals(4 + 1 + 72, options.valuesPerCandidate());
        Candidate c = new YoloPoseDecoder(options).decode(out.array(layout), out.shape(layout), 0.25f).get(0);
        for (int l = 0; l < 21; l++) {
            assertEquals(1000 + 23 - l, c.landmarkX(l));
            assertEquals(2000 + 23 - l, c.landmarkY(l));
            assertEquals((23 - l) / 32f, c.visibility()[l]);
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void nonFiniteCandidatesAreDroppedAndCounted(Layout layout) {
        YoloOutputs out = new YoloOutputs(1, 21)
                .add(40, 50, 30, 40, 0.6f).set(2, Float.NaN)                       // NaN width
                .add(120, 70, 20, 24, 0.9f)
                .add(80, 20, 10, 10, 0.8f).set(4 + 1 + 3 * 7, Float.POSITIVE_INFINITY)  // keypoint 7's x
                .add(80, 90, 10, 10, 0.1f).set(4, Float.NaN);                       // NaN score
        YoloPoseDecoder decoder = decoder(HAND, false);
        List<Candidate> found = decoder.decode(out.array(layout), out.shape(layout), 0.25f);
        assertEquals(1, found.size());
        assertCandidate(found.get(0), 120, 70, 20, 24, 0.9f, 0);
        assertEquals(3, decoder.droppedNonFinite());
        assertEquals(3, decoder.totalDroppedNonFinite());
        YoloOutputs clean = twoHandsAndAWeakOne();
        decoder.decode(clean.array(layout), clean.shape(layout), 0.25f);
        assertEquals(0, decoder.droppedNonFinite());
        assertEquals(3, decoder.totalDroppedNonFinite());
    }

    @Test
    void zeroCandidatesGiveNoHands() {
        YoloPoseDecoder decoder = decoder(HAND, false);
        assertTrue(decoder.decode(new float[0], new long[] {1, 68, 0}, 0.25f).isEmpty());
        assertTrue(decoder.decode(new float[0], new long[] {1, 0, 68}, 0.25f).isEmpty());
        assertEquals(0, decoder.droppedNonFinite());
    }

    @Test
    void layoutIsDetectedOrRefusedByName() {
        assertEquals(Layout.VALUES_FIRST, YoloPoseDecoder.layout(new long[] {1, 67, 8400}, 67));
        assertEquals(Layout.CANDIDATES_FIRST, YoloPoseDecoder.layout(new long[] {1, 8400, 67}, 67));
        // N == 4+C+3K: Ultralytics' own layout wins.
        assertEquals(Layout.VALUES_FIRST, YoloPoseDecoder.layout(new long[] {1, 67, 67}, 67));
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
                () -> YoloPoseDecoder.layout(new long[] {1, 56, 8400}, 67));
        assertTrue(neither.getMessage().contains("4+C+3K = 67") && neither.getMessage().contains("[1, 56, 8400]"),
                neither.getMessage());
        assertThrows(IllegalArgumentException.class, () -> YoloPoseDecoder.layout(new long[] {67, 8400}, 67));
        assertThrows(IllegalArgumentException.class, () -> YoloPoseDecoder.layout(new long[] {2, 67, 8400}, 67));
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> decoder(HAND, false).decode(new float[68 * 3], new long[] {1, 68, 4}, 0.25f));
        assertTrue(wrongLength.getMessage().contains("needs 272 values, got 204"), wrongLength.getMessage());
    }

    @Test
    void thousandsOfCandidatesAreSuppressedCorrectly() {
        Random random = new Random(14);
        YoloOutputs out = new YoloOutputs(2, 21);
        int n = 5000;
        for (int i = 0; i < n; i++) {
            // Clusters around 40 hand positions, so suppression has real work to do.
            int cluster = random.nextInt(40);
            float cx = 10 + (cluster % 8) * 18 + random.nextFloat() * 4;
            float cy = 10 + (cluster / 8) * 24 + random.nextFloat() * 4;
            out.add(cx, cy, 14 + random.nextFloat() * 4, 18 + random.nextFloat() * 4, random.nextFloat(),
                    random.nextFloat());
        }
        YoloPoseDecoder decoder = decoder(LEFT_RIGHT, false);
        Layout layout = Layout.VALUES_FIRST;
        float[] raw = out.array(layout);
        long[] shape = out.shape(layout);
        List<Candidate> found = List.of();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            found = decoder.decode(raw, shape, 0.25f);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("YOLO-pose decode of %d candidates: %.2f ms (best of 5), %d kept%n", n, best / 1e6,
                found.size());
        int passing = 0;
        assertTrue(found.size() >= 40 && found.size() < YoloPoseDecoder.MAX_DETECTIONS, "kept " + found.size());
        // Greedy NMS: kept boxes never overlap too much, and each dropped one overlaps a better kept one.
        for (int i = 0; i < found.size(); i++) {
            if (i > 0) {
                assertTrue(found.get(i - 1).score() >= found.get(i).score());
            }
            for (int j = i + 1; j < found.size(); j++) {
                assertTrue(YoloPoseDecoder.iou(found.get(i), found.get(j)) <= 0.7);
            }
        }
        for (int i = 0; i < n; i++) {
            float score = Math.max(raw[4 * n + i], raw[5 * n + i]);
            if (score < 0.25f) {
                continue;
            }
            passing++;
            Candidate c = new Candidate(raw[i], raw[n + i], raw[2 * n + i], raw[3 * n + i], 0, score, new float[2],
                    new float[42], new float[21]);
            boolean kept = found.stream().anyMatch(k -> k.centerX() == c.centerX() && k.centerY() == c.centerY()
                    && k.width() == c.width() && k.height() == c.height() && k.score() == c.score());
            assertTrue(kept || found.stream().anyMatch(k -> k.score() >= c.score() && YoloPoseDecoder.iou(k, c) > 0.7),
                    "candidate " + i + " was neither kept nor suppressed by a better one");
        }
        assertTrue(passing > 4000 && found.size() < passing / 10, found.size() + " kept of " + passing);
    }
}
