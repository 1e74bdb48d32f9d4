package dev.handscope.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PckCurveTest {

    @Test
    void aStaircaseOfErrorsGivesARampWithHalfTheArea() {
        PckCurve curve = PckCurve.of(new double[] {3.5, 0.5, 2.5, 1.5}, 4, 1);

        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, curve.thresholds());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, curve.fractions());
        // Trapezoids 0.125 + 0.375 + 0.625 + 0.875 = 2 over a range of 4.
        assertEquals(0.5, curve.auc(), 1e-12);
    }

    @Test
    void anErrorOnAThresholdCountsAsCorrectThere() {
        PckCurve curve = PckCurve.of(new double[] {0.1}, 20, 100);

        assertEquals(0.1, curve.thresholds()[10]);
        assertEquals(0, curve.fractions()[9]);
        assertEquals(1, curve.fractions()[10]);
        // Half of the 9th-10th step, then ten full steps, over twenty steps.
        assertEquals(10.5 / 20, curve.auc(), 1e-12);
    }

    @Test
    void perfectErrorsHaveAreaOne() {
        assertEquals(1, PckCurve.of(new double[] {0, 0, 0}, 50, 1).auc(), 1e-12);
    }

    @Test
    void noErrorsGiveNaNNotZero() {
        PckCurve curve = PckCurve.of(new double[0], 20, 100);

        assertEquals(Double.NaN, curve.fractions()[0]);
        assertEquals(Double.NaN, curve.auc());
    }
}
