package dev.handscope.engine.stage;

import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.tracking.HandRects;
import java.util.ArrayList;
import java.util.List;

/**
 * A/B runs: a second model beside the first, whatever its family. A landmarker looks at every
 * hand's crop; a one-stage detector looks at the whole frame once, and each hand is compared with
 * the detection that overlaps it most.
 */
public final class ComparisonStage implements FrameStage, AutoCloseable {
    /** The second model: one of the two, or neither. */
    private record Second(HandLandmarker landmarker, HandDetector detector) {
        void close() {
            if (landmarker != null) {
                landmarker.close();
            }
            if (detector != null) {
                detector.close();
            }
        }
    }

    /** Ultralytics' default confidence: what a one-stage model is compared at. */
    private static final float ONE_STAGE_MIN_SCORE = 0.25f;

    private volatile Second second;
    private final List<Second> retired = new ArrayList<>();

    @Override
    public String name() {
        return "comparison";
    }

    /**
     * Runs {@code model} on every hand's crop from the next frame on (null to stop). Models replaced
     * here stay open until the stage closes, since a frame may still be using them.
     */
    public void compareWith(HandLandmarker model) {
        replace(model == null ? null : new Second(model, null));
    }

    /** Runs a one-stage {@code model} (detections with landmarks) on every frame from the next one on. */
    public void compareWithOneStage(HandDetector model) {
        replace(new Second(null, model));
    }

    private synchronized void replace(Second next) {
        if (second != null) {
            retired.add(second);
        }
        second = next;
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        Second other = second;
        if (other == null || result.hands().isEmpty()) {
            return result;
        }
        if (other.landmarker() != null) {
            return result.mapHands(hand -> hand.withComparison(other.landmarker().landmark(input.image(),
                    hand.region())));
        }
        List<HandRegion> found = other.detector().detect(input.image(), 0, ONE_STAGE_MIN_SCORE);
        return result.mapHands(hand -> hand.withComparison(closest(hand, found)));
    }

    /** The detection whose landmarks overlap the hand's most, or null when none does. */
    private static HandLandmarks closest(HandResult hand, List<HandRegion> found) {
        float[] points = hand.model().landmarks().toArray();
        HandLandmarks best = null;
        double bestOverlap = 0;
        for (HandRegion region : found) {
            if (region.landmarks() == null) {
                continue;
            }
            double overlap = HandRects.landmarkOverlap(points, region.landmarks().landmarks().toArray());
            if (overlap > bestOverlap) {
                best = region.landmarks();
                bestOverlap = overlap;
            }
        }
        return best;
    }

    @Override
    public synchronized void close() {
        replace(null);
        retired.forEach(Second::close);
        retired.clear();
    }
}
