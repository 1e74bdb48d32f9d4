package dev.handscope.engine.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeypointMapTest {

    @Test
    void identityAndAReversedOrder() {
        assertEquals(7, KeypointMap.identity().source(7));
        int[] reversed = IntStream.range(0, 21).map(i -> 20 - i).toArray();
        KeypointMap map = KeypointMap.of(reversed, 21);
        assertEquals(20, map.source(0));
        assertEquals(0, map.source(20));
        assertEquals(21, map.requiredPoints());
    }

    @Test
    void refusesWrongCountsRepeatsAndIndicesOutsideTheModel() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeypointMap.of(new int[20], 21))
                .getMessage().contains("21 indices"));
        int[] repeated = IntStream.range(0, 21).toArray();
        repeated[5] = 4;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeypointMap.of(repeated, 21))
                .getMessage().contains("listed twice"));
        int[] outside = IntStream.range(0, 21).toArray();
        outside[20] = 42;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeypointMap.of(outside, 21))
                .getMessage().contains("outside the model's 21 keypoints"));
    }
}
