package dev.handscope.engine.eval;

import java.util.List;

/**
 * How often the predicted side was right, over the hands where both the label and the prediction
 * say which side it is.
 *
 * @param known   hands with both sides known
 * @param correct of those, the ones predicted right
 */
public record HandednessSummary(int known, int correct) {

    static HandednessSummary of(List<HandScore> hands) {
        int known = 0;
        int correct = 0;
        for (HandScore hand : hands) {
            if (hand.sideCorrect() != null) {
                known++;
                correct += hand.sideCorrect() ? 1 : 0;
            }
        }
        return new HandednessSummary(known, correct);
    }

    /** correct / known; NaN when no hand has both sides known. */
    public double accuracy() {
        return known == 0 ? Double.NaN : (double) correct / known;
    }
}
