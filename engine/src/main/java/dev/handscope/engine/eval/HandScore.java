package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;
import java.util.Arrays;

/**
 * One labelled hand's errors against the prediction matched to it (or none: the hand was missed).
 * Arrays are per joint in MediaPipe's order.
 *
 * <p>A missed hand scores +Infinity at each labelled joint, so PCK counts all its joints as wrong
 * (HandOS's rule), while the means below say NaN rather than pretend a number. Unlabelled joints are
 * NaN and never counted.
 *
 * @param errorPx     pixel distance per joint; +Infinity for a missed hand's labelled joints, NaN where unlabelled
 * @param error3dMm   root-relative 3D distance per joint (the prediction's wrist moved onto the label's),
 *                    all 21 joints; null unless the label has joint_cam and the prediction world joints
 * @param paError3dMm 3D distance per joint after {@link Procrustes#alignSimilarity}; null as error3dMm
 * @param sideCorrect whether the predicted side is the labelled one; null unless both are known
 */
public record HandScore(LabelledImage image, LabelledHand label, HandPrediction prediction, double[] errorPx,
                        double[] error3dMm, double[] paError3dMm, Boolean sideCorrect) {
    /** Root of root-relative MPJPE: the wrist. */
    public static final int ROOT = 0;

    /** Scores {@code prediction} (null when the hand was missed) against {@code label}. */
    public static HandScore score(LabelledImage image, LabelledHand label, HandPrediction prediction) {
        double[] errorPx = new double[HandTopology.LANDMARKS];
        for (int j = 0; j < errorPx.length; j++) {
            if (!label.labelled()[j]) {
                errorPx[j] = Double.NaN;
            } else if (prediction == null) {
                errorPx[j] = Double.POSITIVE_INFINITY;
            } else {
                errorPx[j] = Math.hypot(prediction.x(j) - label.x(j), prediction.y(j) - label.y(j));
            }
        }
        boolean has3d = prediction != null && prediction.worldMm() != null && label.jointCam() != null;
        double[] error3d = has3d ? distances(Procrustes.alignRoot(prediction.worldMm(), label.jointCam(), ROOT),
                label.jointCam()) : null;
        double[] paError3d = has3d ? distances(Procrustes.alignSimilarity(prediction.worldMm(), label.jointCam()),
                label.jointCam()) : null;
        Boolean sideCorrect = prediction == null || prediction.side() == null || label.side() == null
                ? null : prediction.side() == label.side();
        return new HandScore(image, label, prediction, errorPx, error3d, paError3d, sideCorrect);
    }

    /** Whether a prediction was matched to the label. */
    public boolean detected() {
        return prediction != null;
    }

    /** Whether both 3D errors are known. */
    public boolean has3d() {
        return paError3dMm != null;
    }

    /**
     * The joint's pixel error as a fraction of the label's size (max of box w, h): what PCK thresholds.
     * The joint is correct at PCK@t when this is {@code <= t}.
     */
    public double normalisedError(int joint) {
        return errorPx[joint] / label.size();
    }

    /** Mean pixel error over labelled joints; NaN when missed or when no joint is labelled. */
    public double meanErrorPx() {
        return detected() ? meanOfNumbers(errorPx) : Double.NaN;
    }

    /** {@link #meanErrorPx()} as a fraction of the label's size. */
    public double meanNormalisedError() {
        return meanErrorPx() / label.size();
    }

    /**
     * Mean normalised error over the labelled joints {@code filter} keeps; +Infinity for a missed
     * hand with such joints, NaN when none of them is labelled.
     */
    public double meanNormalisedError(JointFilter filter) {
        double sum = 0;
        int count = 0;
        for (int j = 0; j < errorPx.length; j++) {
            if (filter.includes(j) && !Double.isNaN(errorPx[j])) {
                sum += errorPx[j];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count / label.size();
    }

    /** Mean root-relative 3D error over the 21 joints (MPJPE); NaN without 3D. */
    public double meanError3dMm() {
        return error3dMm == null ? Double.NaN : meanOfNumbers(error3dMm);
    }

    /** Mean Procrustes-aligned 3D error over the 21 joints (PA-MPJPE); NaN without 3D. */
    public double meanPaError3dMm() {
        return paError3dMm == null ? Double.NaN : meanOfNumbers(paError3dMm);
    }

    private static double meanOfNumbers(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static double[] distances(float[] a, float[] b) {
        double[] d = new double[a.length / 3];
        for (int j = 0; j < d.length; j++) {
            double dx = a[3 * j] - b[3 * j];
            double dy = a[3 * j + 1] - b[3 * j + 1];
            double dz = a[3 * j + 2] - b[3 * j + 2];
            d[j] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return d;
    }
}
