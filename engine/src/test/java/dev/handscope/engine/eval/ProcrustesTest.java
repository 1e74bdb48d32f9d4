package dev.handscope.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcrustesTest {
    private static final double AXIS = 1 / Math.sqrt(3);

    @Test
    void aRotatedScaledMovedCopyAlignsBackExactly() {
        float[] target = Fixtures.joints3d();
        float[] predicted = Fixtures.similarity(target, AXIS, AXIS, AXIS, 2.1, 0.37, 120, -40, 900);

        float[] aligned = Procrustes.alignSimilarity(predicted, target);

        assertEquals(0, Fixtures.maxDistance(aligned, target), 1e-3);
    }

    @Test
    void aHalfTurnIsFoundToo() {
        float[] target = Fixtures.joints3d();
        float[] predicted = Fixtures.similarity(target, 0, 1, 0, Math.PI, 3, 5, 6, 7);

        assertEquals(0, Fixtures.maxDistance(Procrustes.alignSimilarity(predicted, target), target), 1e-3);
    }

    @Test
    void randomSimilaritiesAllAlignBack() {
        Random random = new Random(7);
        float[] target = Fixtures.joints3d();
        for (int trial = 0; trial < 500; trial++) {
            double ax = random.nextGaussian(), ay = random.nextGaussian(), az = random.nextGaussian();
            double length = Math.sqrt(ax * ax + ay * ay + az * az);
            float[] predicted = Fixtures.similarity(target, ax / length, ay / length, az / length,
                    random.nextDouble() * 2 * Math.PI, 0.1 + random.nextDouble() * 10,
                    random.nextGaussian() * 500, random.nextGaussian() * 500, random.nextGaussian() * 500);

            assertEquals(0, Fixtures.maxDistance(Procrustes.alignSimilarity(predicted, target), target), 1e-2,
                    "trial " + trial);
        }
    }

    @Test
    void withNoiseTheFitIsNoWorseThanUndoingTheTrueTransform() {
        Random random = new Random(11);
        float[] target = Fixtures.joints3d();
        float[] noisy = target.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (float) (random.nextGaussian() * 3);
        }
        float[] predicted = Fixtures.similarity(noisy, 0, 0.6, 0.8, 1.3, 0.5, 10, 20, 30);

        // Undoing the transform is one similarity and leaves exactly the noise.
        assertTrue(squaredError(Procrustes.alignSimilarity(predicted, target), target)
                <= squaredError(noisy, target) + 1e-3);
    }

    private static double squaredError(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return sum;
    }

    @Test
    void aMirroredSetIsNotAlignedByAReflection() {
        float[] target = Fixtures.joints3d();
        float[] mirrored = target.clone();
        for (int i = 0; i < mirrored.length; i += 3) {
            mirrored[i] = -mirrored[i];
        }

        float[] aligned = Procrustes.alignSimilarity(mirrored, target);

        // The points spread over 40 x 60 x 24 mm; a proper rotation cannot undo the mirror.
        assertTrue(Fixtures.maxDistance(aligned, target) > 5, "a reflection was used");
    }

    @Test
    void twoPointsAlignByHandComputedScale() {
        // (0,0,0)-(1,0,0) onto (1,1,1)-(1,3,1): a quarter turn, scale 2, shift (1,1,1).
        float[] predicted = {0, 0, 0, 1, 0, 0};
        float[] target = {1, 1, 1, 1, 3, 1};

        assertArrayEquals(target, Procrustes.alignSimilarity(predicted, target), 1e-5f);
    }

    @Test
    void coincidentPointsLandOnTheTargetsCentroid() {
        float[] predicted = {5, 5, 5, 5, 5, 5};
        float[] target = {0, 0, 0, 2, 4, 6};

        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, Procrustes.alignSimilarity(predicted, target), 1e-6f);
    }

    @Test
    void alignRootUndoesAPureShift() {
        float[] target = Fixtures.joints3d();
        float[] predicted = Fixtures.similarity(target, 1, 0, 0, 0, 1, 30, -20, 500);

        float[] aligned = Procrustes.alignRoot(predicted, target, 0);

        assertEquals(0, Fixtures.maxDistance(aligned, target), 1e-4);
    }

    @Test
    void alignRootPutsTheRootOnTheTargetsRootOnly() {
        float[] predicted = {0, 0, 0, 10, 0, 0};
        float[] target = {0, 0, 0, 0, 5, 0};

        assertArrayEquals(new float[] {-10, 5, 0, 0, 5, 0}, Procrustes.alignRoot(predicted, target, 1));
    }

    @Test
    void mismatchedPointListsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Procrustes.alignSimilarity(new float[6], new float[9]));
        assertThrows(IllegalArgumentException.class, () -> Procrustes.alignRoot(new float[6], new float[6], 2));
    }
}
