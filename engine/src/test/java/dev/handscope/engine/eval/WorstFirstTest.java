package dev.handscope.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorstFirstTest {

    /** A prediction off by {@code dx} px at the joints {@code filter} keeps, exact elsewhere. */
    private static HandPrediction offAt(JointFilter filter, float dx) {
        float[] k = Fixtures.keypoints();
        for (int j = 0; j < Fixtures.JOINTS; j++) {
            if (filter.includes(j)) {
                k[2 * j] += dx;
            }
        }
        return new HandPrediction(k, null, null, 1);
    }

    private static ImageResult scored(long id, HandPrediction... predictions) {
        return ImageResult.of(Fixtures.image(id, Fixtures.label(id)), List.of(predictions), 0);
    }

    @Test
    void filtersKeepTheirJoints() {
        assertEquals(21, JointFilter.ALL.count());
        assertEquals(1, JointFilter.of(JointClass.WRIST).count());
        assertEquals(5, JointFilter.of(JointClass.TIP).count());
        assertEquals(4, JointFilter.of(Finger.INDEX).count());
        assertTrue(JointFilter.of(JointClass.TIP).includes(8));
        assertTrue(JointFilter.of(Finger.INDEX).includes(5));
        assertEquals(11, JointFilter.choices().size());
        assertEquals("TIP", JointFilter.of(JointClass.TIP).toString());
        assertEquals("index", JointFilter.of(Finger.INDEX).toString());
        assertThrows(IllegalArgumentException.class, () -> new JointFilter(JointClass.TIP, Finger.INDEX));
    }

    @Test
    void theFilterIsWhatTheMeanIsTakenOver() {
        HandScore score = HandScore.score(Fixtures.image(1), Fixtures.label(1), offAt(JointFilter.of(JointClass.TIP), 10));
        assertEquals(0.1, score.meanNormalisedError(JointFilter.of(JointClass.TIP)), 1e-6);
        assertEquals(0, score.meanNormalisedError(JointFilter.of(JointClass.MCP)), 1e-6);
        assertEquals(10.0 * 5 / 21 / 100, score.meanNormalisedError(JointFilter.ALL), 1e-6);
        HandScore missed = HandScore.score(Fixtures.image(1), Fixtures.label(1), null);
        assertEquals(Double.POSITIVE_INFINITY, missed.meanNormalisedError(JointFilter.ALL));
    }

    @Test
    void worstImageFirstMissedHandsWorstUnscoredLast() {
        ImageResult small = scored(1, offAt(JointFilter.ALL, 2));
        ImageResult large = scored(2, offAt(JointFilter.ALL, 20));
        ImageResult missed = scored(3);
        ImageResult medium = scored(4, offAt(JointFilter.ALL, 8));
        List<ImageResult> results = Arrays.asList(small, null, large, missed, medium);
        assertEquals(List.of(3, 2, 4, 0, 1), WorstFirst.order(results, JointFilter.ALL));
        assertEquals(Double.POSITIVE_INFINITY, WorstFirst.imageError(missed, JointFilter.ALL));
    }

    @Test
    void theFilterChangesTheOrder() {
        ImageResult tipsOff = scored(1, offAt(JointFilter.of(JointClass.TIP), 30));
        ImageResult thumbOff = scored(2, offAt(JointFilter.of(Finger.THUMB), 20));
        List<ImageResult> results = List.of(tipsOff, thumbOff);
        assertEquals(List.of(0, 1), WorstFirst.order(results, JointFilter.of(JointClass.TIP)));
        assertEquals(List.of(1, 0), WorstFirst.order(results, JointFilter.of(Finger.THUMB)));
    }

    @Test
    void theWorstHandOfAnImageCounts() {
        LabelledImage two = Fixtures.image(1, Fixtures.label(1), Fixtures.label(2, shiftedBy(200), null));
        ImageResult result = ImageResult.of(two, List.of(Fixtures.shifted(1, 0),
                Fixtures.shifted(shiftedBy(200), 10, 0, null)), 0);
        assertEquals(0.1, WorstFirst.imageError(result, JointFilter.ALL), 1e-6);
    }

    private static float[] shiftedBy(float dx) {
        float[] k = Fixtures.keypoints();
        for (int j = 0; j < Fixtures.JOINTS; j++) {
            k[2 * j] += dx;
        }
        return k;
    }
}
