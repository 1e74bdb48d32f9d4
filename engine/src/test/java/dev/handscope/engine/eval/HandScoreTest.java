package dev.handscope.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandScoreTest {
    private final LabelledHand label = Fixtures.label(1);
    private final LabelledImage image = Fixtures.image(1, label);

    @Test
    void aTenPixelShiftIsTenPixelsAtEveryJoint() {
        // (6, 8) is 10 px away.
        HandScore score = HandScore.score(image, label, Fixtures.shifted(6, 8));

        assertTrue(score.detected());
        for (int j = 0; j < Fixtures.JOINTS; j++) {
            assertEquals(10, score.errorPx()[j], 1e-9);
            assertEquals(0.1, score.normalisedError(j), 1e-12);
        }
        assertEquals(10, score.meanErrorPx(), 1e-9);
        assertEquals(0.1, score.meanNormalisedError(), 1e-12);
        assertNull(score.error3dMm());
        assertNull(score.paError3dMm());
        assertEquals(Double.NaN, score.meanPaError3dMm());
        assertNull(score.sideCorrect());
    }

    @Test
    void aMissedHandIsInfinitelyWrongAtLabelledJointsAndNaNElsewhere() {
        boolean[] labelled = Fixtures.allLabelled();
        labelled[4] = false;
        LabelledHand partial = new LabelledHand(2, new double[] {0, 0, 80, 100}, Fixtures.keypoints(), labelled,
                null, HandSide.LEFT);

        HandScore score = HandScore.score(image, partial, null);

        assertFalse(score.detected());
        assertEquals(Double.POSITIVE_INFINITY, score.errorPx()[0]);
        assertEquals(Double.NaN, score.errorPx()[4]);
        assertEquals(Double.NaN, score.meanErrorPx());
        assertNull(score.error3dMm());
        assertNull(score.sideCorrect());
    }

    @Test
    void unlabelledJointsAreLeftOutOfTheMean() {
        boolean[] labelled = new boolean[Fixtures.JOINTS];
        labelled[0] = true;
        labelled[1] = true;
        LabelledHand two = new LabelledHand(3, new double[] {0, 0, 50, 40}, Fixtures.keypoints(), labelled, null, null);
        float[] k = Fixtures.keypoints();
        k[0] += 3; // joint 0 off by 3 px, joint 1 exact, joint 2 (unlabelled) far off
        k[4] += 500;

        HandScore score = HandScore.score(image, two, new HandPrediction(k, null, null, 1));

        assertEquals(3, score.errorPx()[0], 1e-9);
        assertEquals(0, score.errorPx()[1], 1e-9);
        assertEquals(Double.NaN, score.errorPx()[2]);
        assertEquals(1.5, score.meanErrorPx(), 1e-9);
        assertEquals(1.5 / 50, score.meanNormalisedError(), 1e-12);
    }

    @Test
    void sidesAreComparedOnlyWhenBothAreKnown() {
        LabelledHand right = Fixtures.label(4, Fixtures.keypoints(), HandSide.RIGHT);

        assertTrue(HandScore.score(image, right, Fixtures.shifted(Fixtures.keypoints(), 0, 0, HandSide.RIGHT))
                .sideCorrect());
        assertFalse(HandScore.score(image, right, Fixtures.shifted(Fixtures.keypoints(), 0, 0, HandSide.LEFT))
                .sideCorrect());
        assertNull(HandScore.score(image, right, Fixtures.shifted(0, 0)).sideCorrect());
        assertNull(HandScore.score(image, label, Fixtures.shifted(Fixtures.keypoints(), 0, 0, HandSide.LEFT))
                .sideCorrect());
    }

    @Test
    void aSimilarCopyHasNoAlignedErrorButARootRelativeOne() {
        float[] truth = Fixtures.joints3d();
        // Scale 2 about the wrist (joint 0 at (-20, -30, 0)) and shifted: root-relative error is
        // |p - root| per joint, Procrustes error 0.
        float[] world = Fixtures.similarity(truth, 1, 0, 0, 0, 2, 20 + 7, 30 - 9, 100);
        LabelledHand label3d = Fixtures.label3d(5, truth);

        HandScore score = HandScore.score(image, label3d, new HandPrediction(Fixtures.keypoints(), world, null, 1));

        assertTrue(score.has3d());
        for (int j = 0; j < Fixtures.JOINTS; j++) {
            double dx = truth[3 * j] + 20, dy = truth[3 * j + 1] + 30, dz = truth[3 * j + 2] - truth[2];
            assertEquals(Math.sqrt(dx * dx + dy * dy + dz * dz), score.error3dMm()[j], 1e-3, "joint " + j);
            assertEquals(0, score.paError3dMm()[j], 1e-3, "joint " + j);
        }
        assertEquals(0, score.error3dMm()[0], 1e-4);
        assertTrue(score.meanError3dMm() > 10);
        assertEquals(0, score.meanPaError3dMm(), 1e-3);
    }

    @Test
    void noWorldJointsMeansNo3d() {
        HandScore score = HandScore.score(image, Fixtures.label3d(6, Fixtures.joints3d()), Fixtures.shifted(0, 0));

        assertFalse(score.has3d());
        assertNull(score.error3dMm());
    }
}
