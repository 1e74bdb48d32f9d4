package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Everything {@code handscope evaluate} reports about a run, computed once from the images' results.
 *
 * <p>2D errors are normalised by the label's size (the longer side of its box) and a joint is correct
 * at threshold t when its error is {@code <= t * size}. PCK counts all labelled joints of all
 * labelled hands, a missed hand's as wrong; EPE is over detected hands only (see {@link JointErrors}).
 * Values with nothing to average are NaN, never 0.
 */
public final class EvaluationSummary {
    /** The PCK thresholds reported on their own, fractions of the hand's size. */
    public static final List<Double> PCK_THRESHOLDS = List.of(0.04, 0.06, 0.08, 0.10, 0.12, 0.2);
    /** The 2D PCK curve runs over 0, 0.01, ..., 0.20 of the hand's size. */
    public static final int PCK_CURVE_INTERVALS = 20;
    public static final int PCK_CURVE_STEPS_PER_UNIT = 100;

    private static final Comparator<HandScore> WORST_FIRST = Comparator.comparingDouble(
            (HandScore h) -> h.detected() ? nanAsBest(h.meanNormalisedError()) : Double.POSITIVE_INFINITY).reversed();

    private final List<HandScore> hands;
    private final int images;
    private final int falsePositives;
    private final long totalNanos;
    private final JointErrors.Stats overall;
    private final PckCurve pckCurve;
    private final List<JointErrors.Stats> perJoint;
    private final Map<String, JointErrors.Stats> perFinger;
    private final Map<String, JointErrors.Stats> perJointClass;
    private final Optional<Pose3dSummary> pose3d;
    private final HandednessSummary handedness;
    private final ErrorHistogram errorHistogram;

    private EvaluationSummary(List<ImageResult> results) {
        hands = results.stream().flatMap(r -> r.hands().stream()).toList();
        if (hands.isEmpty()) {
            throw new IllegalArgumentException("no labelled hands to evaluate");
        }
        images = results.size();
        falsePositives = results.stream().mapToInt(r -> r.falsePositives().size()).sum();
        totalNanos = results.stream().mapToLong(ImageResult::nanos).sum();
        JointErrors all = JointErrors.of(hands, j -> true);
        overall = all.stats(PCK_THRESHOLDS);
        pckCurve = all.curve(PCK_CURVE_INTERVALS, PCK_CURVE_STEPS_PER_UNIT);
        perJoint = IntStream.range(0, HandTopology.LANDMARKS)
                .mapToObj(joint -> stats(j -> j == joint)).toList();
        Map<String, JointErrors.Stats> fingers = new LinkedHashMap<>();
        for (Finger finger : Finger.values()) {
            fingers.put(finger.key(), stats(j -> Finger.of(j) == finger));
        }
        perFinger = Collections.unmodifiableMap(fingers);
        Map<String, JointErrors.Stats> classes = new LinkedHashMap<>();
        for (JointClass jointClass : JointClass.values()) {
            classes.put(jointClass.key(), stats(j -> JointClass.of(j) == jointClass));
        }
        perJointClass = Collections.unmodifiableMap(classes);
        pose3d = Pose3dSummary.of(hands);
        handedness = HandednessSummary.of(hands);
        errorHistogram = ErrorHistogram.of(hands);
    }

    /**
     * The summary of a run's results.
     *
     * @throws IllegalArgumentException when the results hold no labelled hand
     */
    public static EvaluationSummary of(List<ImageResult> results) {
        return new EvaluationSummary(results);
    }

    private JointErrors.Stats stats(IntPredicate joints) {
        return JointErrors.of(hands, joints).stats(PCK_THRESHOLDS);
    }

    /** A hand with no labelled joint has no error; it sorts after every real one. */
    private static double nanAsBest(double error) {
        return Double.isNaN(error) ? Double.NEGATIVE_INFINITY : error;
    }

    /** Every labelled hand's score, in the results' order (for per-hand tables). */
    public List<HandScore> hands() {
        return hands;
    }

    public int images() {
        return images;
    }

    public int labelledHands() {
        return hands.size();
    }

    /** Labelled hands a prediction was matched to. */
    public int detectedHands() {
        return (int) hands.stream().filter(HandScore::detected).count();
    }

    public int missedHands() {
        return labelledHands() - detectedHands();
    }

    /** Predictions matched to no labelled hand. */
    public int falsePositives() {
        return falsePositives;
    }

    /** detected / labelled hands. */
    public double recall() {
        return (double) detectedHands() / labelledHands();
    }

    /** PCK at {@link #PCK_THRESHOLDS} and EPE over all joints. */
    public JointErrors.Stats overall() {
        return overall;
    }

    /** PCK at 0, 0.01, ..., 0.20 of the hand's size; {@link PckCurve#auc()} is the reported AUC. */
    public PckCurve pckCurve() {
        return pckCurve;
    }

    /** Per joint, indexed by joint in MediaPipe's order (21 entries). */
    public List<JointErrors.Stats> perJoint() {
        return perJoint;
    }

    /** Per finger, keyed by {@link Finger#key()} in finger order; the wrist is in no finger. */
    public Map<String, JointErrors.Stats> perFinger() {
        return perFinger;
    }

    /** Per joint class, keyed by {@link JointClass#key()} in class order. */
    public Map<String, JointErrors.Stats> perJointClass() {
        return perJointClass;
    }

    /** The 3D errors, or empty when no detected hand has both labelled and predicted 3D joints. */
    public Optional<Pose3dSummary> pose3d() {
        return pose3d;
    }

    public HandednessSummary handedness() {
        return handedness;
    }

    public ErrorHistogram errorHistogram() {
        return errorHistogram;
    }

    /** Up to {@code n} hands, worst first: missed hands, then by mean normalised error, descending. */
    public List<HandScore> worst(int n) {
        return hands.stream().sorted(WORST_FIRST).limit(n).toList();
    }

    /** The model's time over all images. */
    public long totalNanos() {
        return totalNanos;
    }

    /** Images over the model's total time; NaN when no time was recorded. */
    public double imagesPerSecond() {
        return totalNanos == 0 ? Double.NaN : images / (totalNanos / 1e9);
    }
}
