package dev.handscope.engine.mesh;

import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.landmarks.Handedness;

/**
 * Left or right from the 3D hand alone, as a cross-check of the model's label. The palm normal is
 * taken as (index knuckle - wrist) x (pinky knuckle - wrist): for a right hand it leaves the palm,
 * for a left hand the back. Fingers and thumb bend toward the palm, so the side their tips lean to
 * tells which it is: tips on the normal's side make a right hand. A flat, open hand leans little
 * either way, and the confidence says so.
 */
public final class GeometricHandedness {
    /** Lean (fraction of finger length) at which the answer is certain. */
    private static final double FULL_CONFIDENCE_LEAN = 0.25;

    /**
     * @param handedness   the geometric label and its confidence (0.5 to 1)
     * @param lean         signed mean lean of the fingertips toward the right-hand palm side
     */
    public record Estimate(Handedness handedness, double lean) {

        /** Whether it contradicts a label confidently enough to flag. */
        public boolean disagreesWith(Handedness model) {
            return !handedness.label().equals(model.label()) && handedness.score() >= 0.6;
        }
    }

    private GeometricHandedness() {
    }

    /** From 21 world landmarks (metres, MediaPipe order). */
    public static Estimate estimate(float[] w) {
        double[] index = difference(w, HandTopology.INDEX_MCP, HandTopology.WRIST);
        double[] pinky = difference(w, HandTopology.PINKY_MCP, HandTopology.WRIST);
        double[] normal = {
            index[1] * pinky[2] - index[2] * pinky[1],
            index[2] * pinky[0] - index[0] * pinky[2],
            index[0] * pinky[1] - index[1] * pinky[0],
        };
        double length = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        if (length == 0) {
            return new Estimate(new Handedness(Handedness.RIGHT, 0.5), 0);
        }
        double lean = 0;
        double span = 0;
        for (int f = 0; f < HandTopology.FINGER_COUNT; f++) {
            double[] d = difference(w, HandTopology.TIPS[f], HandTopology.KNUCKLES[f]);
            lean += (d[0] * normal[0] + d[1] * normal[1] + d[2] * normal[2]) / length;
            span += Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        }
        double relative = span == 0 ? 0 : lean / span;
        double confidence = 0.5 + 0.5 * Math.min(1, Math.abs(relative) / FULL_CONFIDENCE_LEAN);
        String label = relative >= 0 ? Handedness.RIGHT : Handedness.LEFT;
        return new Estimate(new Handedness(label, confidence), relative);
    }

    private static double[] difference(float[] w, int to, int from) {
        return new double[] {w[3 * to] - w[3 * from], w[3 * to + 1] - w[3 * from + 1], w[3 * to + 2] - w[3 * from + 2]};
    }
}
