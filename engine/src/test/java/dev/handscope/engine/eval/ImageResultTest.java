package dev.handscope.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageResultTest {
    private final LabelledHand first = Fixtures.label(1);
    private final LabelledHand second = Fixtures.label(2, Fixtures.shifted(300, 0).keypoints(), null);
    private final LabelledImage image = Fixtures.image(7, first, second);

    @Test
    void matchedPredictionsAreScoredInTheLabelsOrderAndTheRestAreFalsePositives() {
        HandPrediction forSecond = Fixtures.shifted(Fixtures.shifted(300, 0).keypoints(), 0, 4, null);
        HandPrediction stray = Fixtures.shifted(0, 300);

        ImageResult result = ImageResult.of(image, List.of(stray, forSecond), 42);

        assertEquals(2, result.hands().size());
        assertSame(first, result.hands().get(0).label());
        assertFalse(result.hands().get(0).detected());
        assertSame(forSecond, result.hands().get(1).prediction());
        assertEquals(4, result.hands().get(1).meanErrorPx(), 1e-9);
        assertEquals(List.of(stray), result.falsePositives());
        assertEquals(42, result.nanos());
    }

    @Test
    void perLabelTakesEntryIAsLabelIsPredictionEvenWhenFar() {
        HandPrediction far = Fixtures.shifted(90, 0);

        ImageResult result = ImageResult.perLabel(image, Arrays.asList(far, null), 5);

        assertTrue(result.hands().get(0).detected());
        assertEquals(90, result.hands().get(0).meanErrorPx(), 1e-9);
        assertFalse(result.hands().get(1).detected());
        assertTrue(result.falsePositives().isEmpty());
    }

    @Test
    void perLabelNeedsOneEntryPerLabel() {
        assertThrows(IllegalArgumentException.class, () -> ImageResult.perLabel(image, List.of(Fixtures.shifted(0, 0)), 0));
    }
}
