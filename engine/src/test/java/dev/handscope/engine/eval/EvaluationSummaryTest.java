package dev.handscope.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three images: image 1 holds hand A (perfect) and hand D (40 px off), image 2 hand B (10 px off,
 * its five tips unlabelled) and a stray prediction, image 3 hand C (missed). All boxes are 100 px,
 * so errors of 0, 10 and 40 px are 0, 0.1 and 0.4 of the size. Labelled joints: 21 + 21 + 16 + 21 = 79.
 */
class EvaluationSummaryTest {
    private static final double TOLERANCE = 1e-12;

    private final LabelledHand handA = Fixtures.label(1, Fixtures.keypoints(), HandSide.RIGHT);
    private final float[] keypointsD = Fixtures.shifted(300, 0).keypoints();
    private final LabelledHand handD = Fixtures.label(2, keypointsD, null);
    private final LabelledHand handB = new LabelledHand(3, new double[] {0, 0, 100, 100}, Fixtures.keypoints(),
            tipsUnlabelled(), null, HandSide.LEFT);
    private final LabelledHand handC = Fixtures.label(4);

    private final EvaluationSummary summary = EvaluationSummary.of(List.of(
            ImageResult.of(Fixtures.image(1, handA, handD), List.of(
                    Fixtures.shifted(keypointsD, 40, 0, null),
                    Fixtures.shifted(Fixtures.keypoints(), 0, 0, HandSide.RIGHT)), 500_000_000L),
            ImageResult.of(Fixtures.image(2, handB), List.of(
                    Fixtures.shifted(0, 300),
                    Fixtures.shifted(Fixtures.keypoints(), 10, 0, HandSide.RIGHT)), 250_000_000L),
            ImageResult.of(Fixtures.image(3, handC), List.of(), 250_000_000L)));

    private static boolean[] tipsUnlabelled() {
        boolean[] labelled = Fixtures.allLabelled();
        for (int tip = 4; tip <= 20; tip += 4) {
            labelled[tip] = false;
        }
        return labelled;
    }

    @Test
    void countsHandsAndRecall() {
        assertEquals(3, summary.images());
        assertEquals(4, summary.labelledHands());
        assertEquals(3, summary.detectedHands());
        assertEquals(1, summary.missedHands());
        assertEquals(1, summary.falsePositives());
        assertEquals(0.75, summary.recall(), TOLERANCE);
    }

    @Test
    void pckCountsTheMissedHandAsWrong() {
        JointErrors.Stats overall = summary.overall();

        assertEquals(79, overall.joints());
        assertEquals(EvaluationSummary.PCK_THRESHOLDS, List.copyOf(overall.pck().keySet()));
        // Below 0.1 only A's 21 joints are right; from 0.1 B's 16 too; D and C never.
        assertEquals(21.0 / 79, overall.pck().get(0.04), TOLERANCE);
        assertEquals(21.0 / 79, overall.pck().get(0.08), TOLERANCE);
        assertEquals(37.0 / 79, overall.pck().get(0.1), TOLERANCE);
        assertEquals(37.0 / 79, overall.pck().get(0.2), TOLERANCE);
    }

    @Test
    void theCurveStepsAtOneTenthAndItsAreaIsTheTrapezoids() {
        PckCurve curve = summary.pckCurve();

        assertEquals(21, curve.thresholds().length);
        assertEquals(0.2, curve.thresholds()[20]);
        assertEquals(21.0 / 79, curve.fractions()[0], TOLERANCE);
        assertEquals(21.0 / 79, curve.fractions()[9], TOLERANCE);
        assertEquals(37.0 / 79, curve.fractions()[10], TOLERANCE);
        // (9 steps at 21/79 + one step averaging 29/79 + 10 steps at 37/79) / 20 steps.
        assertEquals((9 * 21 + 29 + 10 * 37) / 79.0 / 20, curve.auc(), TOLERANCE);
    }

    @Test
    void epeIsOverDetectedHandsOnly() {
        // 21 joints at 0 px, 16 at 10 px, 21 at 40 px.
        assertEquals((16 * 10 + 21 * 40) / 58.0, summary.overall().epeMeanPx(), TOLERANCE);
        assertEquals(10, summary.overall().epeMedianPx(), TOLERANCE);
    }

    @Test
    void breaksDownByJointClassFingerAndJoint() {
        // Tips: labelled on A, D and C only, 5 each; A's are right at every threshold.
        JointErrors.Stats tips = summary.perJointClass().get("tip");
        assertEquals(15, tips.joints());
        assertEquals(1.0 / 3, tips.pck().get(0.1), TOLERANCE);
        assertEquals(1.0 / 3, tips.pck().get(0.2), TOLERANCE);
        assertEquals(20, tips.epeMeanPx(), TOLERANCE);
        assertEquals(20, tips.epeMedianPx(), TOLERANCE);

        JointErrors.Stats mcp = summary.perJointClass().get("mcp");
        assertEquals(20, mcp.joints());
        assertEquals(0.25, mcp.pck().get(0.08), TOLERANCE);
        assertEquals(0.5, mcp.pck().get(0.1), TOLERANCE);
        assertEquals(50.0 / 3, mcp.epeMeanPx(), TOLERANCE);
        assertEquals(10, mcp.epeMedianPx(), TOLERANCE);
        assertEquals(List.of("wrist", "mcp", "pip", "dip", "tip"), List.copyOf(summary.perJointClass().keySet()));

        JointErrors.Stats thumb = summary.perFinger().get("thumb");
        assertEquals(15, thumb.joints());
        assertEquals(7.0 / 15, thumb.pck().get(0.1), TOLERANCE);
        assertEquals(List.of("thumb", "index", "middle", "ring", "pinky"), List.copyOf(summary.perFinger().keySet()));

        assertEquals(21, summary.perJoint().size());
        assertEquals(4, summary.perJoint().get(0).joints());
        assertEquals(0.5, summary.perJoint().get(0).pck().get(0.1), TOLERANCE);
        assertEquals(3, summary.perJoint().get(4).joints());
        assertEquals(1.0 / 3, summary.perJoint().get(4).pck().get(0.1), TOLERANCE);
        assertEquals(20, summary.perJoint().get(4).epeMeanPx(), TOLERANCE);
    }

    @Test
    void handednessCountsOnlyHandsWithBothSidesKnown() {
        // A right for right, B left for right, D unlabelled, C missed.
        assertEquals(2, summary.handedness().known());
        assertEquals(1, summary.handedness().correct());
        assertEquals(0.5, summary.handedness().accuracy(), TOLERANCE);
    }

    @Test
    void theHistogramBinsDetectedJointsAndKeepsLargeErrorsInTheLastBin() {
        ErrorHistogram histogram = summary.errorHistogram();

        assertEquals(21, histogram.count(0));
        assertEquals(16, histogram.count(10));
        assertEquals(21, histogram.count(ErrorHistogram.BINS - 1)); // 0.4 is past the last edge, 0.29
        assertEquals(58, histogram.total());
        assertEquals(0.29, histogram.lowerEdge(29), TOLERANCE);
    }

    @Test
    void theWorstAreTheMissedThenTheLargestErrors() {
        List<HandScore> worst = summary.worst(10);

        assertEquals(List.of(handC, handD, handB, handA), worst.stream().map(HandScore::label).toList());
        assertEquals(List.of(handC, handD), summary.worst(2).stream().map(HandScore::label).toList());
    }

    @Test
    void speedIsImagesOverTheModelsTime() {
        assertEquals(1_000_000_000L, summary.totalNanos());
        assertEquals(3, summary.imagesPerSecond(), TOLERANCE);
    }

    @Test
    void thereIsNo3dWithoutJointCam() {
        assertTrue(summary.pose3d().isEmpty());
    }

    @Test
    void aTenPixelShiftIsRightAtOneTenthAndWrongAt8Hundredths() {
        LabelledHand hand = Fixtures.label(1);
        EvaluationSummary shifted = EvaluationSummary.of(List.of(
                ImageResult.of(Fixtures.image(1, hand), List.of(Fixtures.shifted(10, 0)), 0)));

        assertEquals(1, shifted.overall().pck().get(0.1));
        assertEquals(0, shifted.overall().pck().get(0.08));
        assertEquals(0.525, shifted.pckCurve().auc(), TOLERANCE);
        assertEquals(Double.NaN, shifted.imagesPerSecond());
    }

    @Test
    void aSimilarCopyHasNoAlignedErrorWhileTheRootRelativeOneIsItsScaleChange() {
        // Joint j of the label at (j, 0, 0) mm; the prediction twice as large and moved: after moving
        // its wrist onto the label's, joint j is at (2j, 0, 0), j mm off; mean over 0..20 is 10 mm.
        float[] truth = new float[3 * Fixtures.JOINTS];
        float[] world = new float[3 * Fixtures.JOINTS];
        for (int j = 0; j < Fixtures.JOINTS; j++) {
            truth[3 * j] = j;
            world[3 * j] = 2 * j + 5;
            world[3 * j + 1] = 5;
            world[3 * j + 2] = 5;
        }
        LabelledHand with3d = Fixtures.label3d(1, truth);
        LabelledHand without3d = Fixtures.label(2, Fixtures.shifted(300, 0).keypoints(), null);
        HandPrediction prediction = new HandPrediction(Fixtures.keypoints(), world, null, 1);

        Pose3dSummary pose = EvaluationSummary.of(List.of(ImageResult.perLabel(Fixtures.image(1, with3d, without3d),
                Arrays.asList(prediction, Fixtures.shifted(Fixtures.shifted(300, 0).keypoints(), 0, 0, null)), 0)))
                .pose3d().orElseThrow();

        assertEquals(1, pose.hands());
        assertEquals(10, pose.mpjpeMm(), 1e-6);
        assertEquals(0, pose.paMpjpeMm(), 1e-4);
        assertEquals(51, pose.paPck().thresholds().length);
        assertEquals(50, pose.paPck().thresholds()[50]);
        assertEquals(1, pose.paPck().auc(), 1e-12);
        assertEquals(0, pose.paMpjpePerClassMm().get("tip"), 1e-4);
        assertEquals(List.of("wrist", "mcp", "pip", "dip", "tip"), List.copyOf(pose.paMpjpePerClassMm().keySet()));
    }

    @Test
    void onlyMissedHandsGiveNaNErrorsNotZero() {
        EvaluationSummary missed = EvaluationSummary.of(List.of(
                ImageResult.of(Fixtures.image(1, Fixtures.label(1)), List.of(), 1)));

        assertEquals(0, missed.recall());
        assertEquals(0, missed.overall().pck().get(0.2));
        assertEquals(Double.NaN, missed.overall().epeMeanPx());
        assertEquals(Double.NaN, missed.overall().epeMedianPx());
        assertEquals(Double.NaN, missed.handedness().accuracy());
        assertEquals(0, missed.errorHistogram().total());
        assertEquals(1, missed.worst(5).size());
        assertFalse(missed.worst(5).get(0).detected());
    }

    @Test
    void nothingToEvaluateIsRefused() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> EvaluationSummary.of(List.of()));
        assertEquals("no labelled hands to evaluate", empty.getMessage());
        LabelledImage noHands = new LabelledImage(1, "a.png", 10, 10, null, List.of());
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationSummary.of(List.of(ImageResult.of(noHands, List.of(Fixtures.shifted(0, 0)), 0))));
    }
}
