package dev.handscope.engine.family.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandMeshDecoderTest {

    /** A hand, its near-copy (IoU 0.95), an overlapping neighbour (IoU 0.82), one under and one at 0.1, a broken one. */
    private static MeshOutputs candidates() {
        return new MeshOutputs()
                .add(10, 10, 50, 50, 0.9f)
                .add(11, 10, 51, 50, 0.8f)
                .add(12, 12, 52, 52, 0.7f)
                .add(100, 60, 120, 90, 0.09f)
                .add(100, 20, 130, 50, 0.1f)
                .add(60, 60, 90, 90, 0.95f).setVertex(5, 100, Float.NaN);
    }

    private static List<HandMeshDecoder.Candidate> decode(HandMeshDecoder decoder, MeshOutputs out, boolean normalized,
                                                         float minScore) {
        return decoder.decode(out.boxes(normalized), out.scores(), out.joints(normalized), out.vertices(),
                out.cameras(), null, minScore);
    }

    @Test
    void keepsHandsAtHandOsThresholdsDropsBrokenOnesAndSuppressesOnlyNearCopies() {
        HandMeshDecoder decoder = new HandMeshDecoder(MeshOutputs.options(false));
        MeshOutputs out = candidates();
        List<HandMeshDecoder.Candidate> found = decode(decoder, out, false, 0.1f);
        // 0.9 kept, its 0.95-overlap copy gone, the 0.82-overlap neighbour kept (NMS 0.9), 0.1 kept, 0.09 and NaN gone.
        assertEquals(List.of(0.9f, 0.7f, 0.1f), found.stream().map(HandMeshDecoder.Candidate::score).toList());
        assertEquals(1, decoder.droppedNonFinite());
        assertArrayEquals(new float[] {10, 10, 50, 50}, found.get(0).box());
        assertArrayEquals(new float[] {0, 0, 0.5f}, found.get(0).camera());
        assertEquals(out.vertices()[778 * 3 * 2 + 7], found.get(1).vertices()[7]);
        assertTrue(Float.isNaN(found.get(0).rightProbability()));
        // Joint 6 of the first hand: column 1, row 1 of the box's grid.
        assertEquals(20, found.get(0).jointX(6), 1e-6);
        assertEquals(20, found.get(0).jointY(6), 1e-6);

        // At YOLO's 0.7 the neighbour would go too: the threshold is what decides.
        HandMeshOptions o = MeshOutputs.options(false);
        HandMeshDecoder strict = new HandMeshDecoder(new HandMeshOptions(o.input(), o.boxes(), o.scores(),
                o.joints2d(), o.vertices(), o.camera(), o.handedness(), false, 0.1f, 0.7f, 60, o.map()));
        assertEquals(List.of(0.9f, 0.1f), decode(strict, out, false, 0.1f).stream()
                .map(HandMeshDecoder.Candidate::score).toList());
        assertEquals(2, decoder.totalDroppedNonFinite() + strict.totalDroppedNonFinite());
    }

    @Test
    void normalizedCoordinatesComeOutInInputPixelsAsPixelOnesDo() {
        MeshOutputs out = candidates();
        List<HandMeshDecoder.Candidate> pixels = decode(new HandMeshDecoder(MeshOutputs.options(false)), out, false, 0.1f);
        List<HandMeshDecoder.Candidate> normalized = decode(new HandMeshDecoder(MeshOutputs.options(true)), out, true,
                0.1f);
        assertEquals(pixels.size(), normalized.size());
        for (int i = 0; i < pixels.size(); i++) {
            assertArrayEquals(pixels.get(i).box(), normalized.get(i).box(), 1e-4f);
            assertArrayEquals(pixels.get(i).joints(), normalized.get(i).joints(), 1e-4f);
        }
        // Read as pixels, normalised values would be tiny boxes: the flag matters.
        float[] misread = decode(new HandMeshDecoder(MeshOutputs.options(false)), out, true, 0.1f).get(0).box();
        assertTrue(misread[2] < 1, "x2 " + misread[2]);
    }

    @Test
    void handednessAndTheKeypointMapAreRead() {
        MeshOutputs out = candidates();
        HandMeshOptions o = MeshOutputs.options(false);
        HandMeshDecoder decoder = new HandMeshDecoder(new HandMeshOptions(o.input(), o.boxes(), o.scores(),
                o.joints2d(), o.vertices(), o.camera(), o.handedness(), false, 0.1f, 0.9f, 60, MeshOutputs.reversed()));
        float[] right = out.rightProbabilities();
        right[0] = 0.2f;
        List<HandMeshDecoder.Candidate> found = decoder.decode(out.boxes(false), out.scores(), out.joints(false),
                out.vertices(), out.cameras(), right, 0.1f);
        assertEquals(0.2f, found.get(0).rightProbability());
        // Landmark 0 reads model joint 20 (column 0, row 4 of the grid).
        assertEquals(10, found.get(0).jointX(0), 1e-6);
        assertEquals(50, found.get(0).jointY(0), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(out.boxes(false), out.scores(),
                out.joints(false), new float[5], out.cameras(), null, 0.1f));
    }
}
