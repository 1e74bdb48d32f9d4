package dev.handscope.app.eval;

import dev.handscope.engine.eval.BoxProtocol;
import dev.handscope.engine.eval.HandScore;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.hand.HandTopology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One labelled hand as two models answered it under the same protocol, and how far apart the two
 * answers are: the mean distance between their joints over the box's longer side. A hand one model
 * found and the other missed disagrees infinitely (it sorts first).
 */
record Disagreement(BoxProtocol protocol, HandScore a, HandScore b, double amount) {

    /** The {@code n} hands where runs {@code a} and {@code b} (same dataset, same protocol) differ most. */
    static List<Disagreement> most(ProtocolRun a, ProtocolRun b, int n) {
        List<Disagreement> all = new ArrayList<>();
        for (int i = 0; i < a.images().size(); i++) {
            ImageResult left = a.images().get(i);
            ImageResult right = b.images().get(i);
            for (int h = 0; h < left.hands().size(); h++) {
                HandScore x = left.hands().get(h);
                HandScore y = right.hands().get(h);
                if (x.detected() || y.detected()) {
                    all.add(new Disagreement(a.protocol(), x, y, amount(x, y)));
                }
            }
        }
        all.sort(Comparator.comparingDouble((Disagreement d) -> d.amount()).reversed());
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    private static double amount(HandScore x, HandScore y) {
        if (!(x.detected() && y.detected())) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int joint = 0; joint < HandTopology.LANDMARKS; joint++) {
            sum += Math.hypot(x.prediction().x(joint) - y.prediction().x(joint),
                    x.prediction().y(joint) - y.prediction().y(joint));
        }
        return sum / HandTopology.LANDMARKS / x.label().size();
    }
}
