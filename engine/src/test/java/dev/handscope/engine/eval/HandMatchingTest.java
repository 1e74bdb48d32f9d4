package dev.handscope.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandMatchingTest {
    private static float[] movedBy(float dx) {
        return Fixtures.shifted(dx, 0).keypoints();
    }

    private final LabelledHand left = Fixtures.label(1);
    private final LabelledHand right = Fixtures.label(2, movedBy(300), null);

    @Test
    void predictionsInSwappedOrderGetSwappedIndices() {
        HandPrediction nearRight = Fixtures.shifted(movedBy(300), 2, 0, null);
        HandPrediction nearLeft = Fixtures.shifted(3, 0);

        assertArrayEquals(new int[] {1, 0}, HandMatching.assign(List.of(left, right), List.of(nearRight, nearLeft)));
    }

    @Test
    void theCostIsTheMeanDistanceOverTheSize() {
        assertEquals(0.03, HandMatching.cost(left, Fixtures.shifted(3, 0)), 1e-12);
    }

    @Test
    void aFarPredictionIsNotMatched() {
        // 60 px mean error on a 100 px hand: cost 0.6 > 0.5.
        assertArrayEquals(new int[] {-1}, HandMatching.assign(List.of(left), List.of(Fixtures.shifted(60, 0))));
        assertArrayEquals(new int[] {0}, HandMatching.assign(List.of(left), List.of(Fixtures.shifted(50, 0))));
    }

    @Test
    void theClosestOfSeveralPredictionsWinsAndTheRestAreLeft() {
        List<HandPrediction> predictions = List.of(Fixtures.shifted(20, 0), Fixtures.shifted(5, 0),
                Fixtures.shifted(0, 400));

        assertArrayEquals(new int[] {1}, HandMatching.assign(List.of(left), predictions));
    }

    @Test
    void eachPredictionServesOneLabelCheapestPairFirst() {
        LabelledHand near = Fixtures.label(3, movedBy(60), null);
        // Costs: 'left' to (+25) 0.25, 'near' to (+25) 0.35, 'near' to (+100) 0.4, 'left' to (+100) 1.0.
        List<HandPrediction> predictions = List.of(Fixtures.shifted(25, 0), Fixtures.shifted(100, 0));

        assertArrayEquals(new int[] {0, 1}, HandMatching.assign(List.of(left, near), predictions));
        // Costs: 'left' to (-10) 0.1, 'near' to (+35) 0.25, 'left' to (+35) 0.35.
        assertArrayEquals(new int[] {1, 0}, HandMatching.assign(List.of(left, near),
                List.of(Fixtures.shifted(35, 0), Fixtures.shifted(-10, 0))));
    }

    @Test
    void noPredictionsMeansNoMatches() {
        assertArrayEquals(new int[] {-1, -1}, HandMatching.assign(List.of(left, right), List.of()));
    }
}
