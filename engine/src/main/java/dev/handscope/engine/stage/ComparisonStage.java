package dev.handscope.engine.stage;

import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.result.FrameResult;
import java.util.ArrayList;
import java.util.List;

/** A/B runs: a second landmarker on every hand's crop, beside the first one's answer. */
public final class ComparisonStage implements FrameStage, AutoCloseable {
    private volatile HandLandmarker comparison;
    private final List<HandLandmarker> retired = new ArrayList<>();

    @Override
    public String name() {
        return "comparison";
    }

    /**
     * Runs {@code model} from the next frame on (null to stop). Models replaced here stay open until
     * the stage closes, since a frame may still be using them.
     */
    public synchronized void compareWith(HandLandmarker model) {
        if (comparison != null) {
            retired.add(comparison);
        }
        comparison = model;
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        HandLandmarker other = comparison;
        return other == null ? result
                : result.mapHands(hand -> hand.withComparison(other.landmark(input.image(), hand.region())));
    }

    @Override
    public synchronized void close() {
        compareWith(null);
        retired.forEach(HandLandmarker::close);
        retired.clear();
    }
}
