package dev.handscope.engine.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.landmarks.Handedness;
import org.junit.jupiter.api.Test;

class MeshHandednessTest {

    @Test
    void theRightTemplateIsRightAndItsMirrorSeenThroughRightFacesIsLeft() throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        Handedness r = MeshHandedness.of(right.vertices(), right.faces());
        assertEquals(Handedness.RIGHT, r.label());
        assertTrue(r.score() > 0.6, "score " + r.score());
        // A left hand predicted in MANO order: mirrored vertices, read with the right hand's faces.
        Handedness l = MeshHandedness.of(right.mirrored().vertices(), right.faces());
        assertEquals(Handedness.LEFT, l.label());
        assertEquals(r.score(), l.score(), 1e-9);
        // The mirrored template's own (flipped) faces point outward again: right-handed winding, so Right.
        assertEquals(Handedness.RIGHT, MeshHandedness.of(right.mirrored().vertices(), right.mirrored().faces()).label());
    }

    @Test
    void theRuleDoesNotDependOnWhereOrHowTurnedTheHandIs() throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        float[] v = right.vertices().clone();
        double a = 2.1;
        for (int i = 0; i < v.length; i += 3) {
            float x = v[i];
            float z = v[i + 2];
            v[i] = (float) (Math.cos(a) * x + Math.sin(a) * z) + 0.3f;
            v[i + 1] += -0.1f;
            v[i + 2] = (float) (-Math.sin(a) * x + Math.cos(a) * z) + 0.6f;
        }
        assertEquals(Handedness.RIGHT, MeshHandedness.of(v, right.faces()).label());
        float[] mirrored = v.clone();
        for (int i = 1; i < mirrored.length; i += 3) {
            mirrored[i] = -mirrored[i];   // a mirror in any plane makes a left hand
        }
        assertEquals(Handedness.LEFT, MeshHandedness.of(mirrored, right.faces()).label());
    }

    @Test
    void aFlatMeshTellsNeither() throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        float[] flat = right.vertices().clone();
        for (int i = 2; i < flat.length; i += 3) {
            flat[i] = 0;   // flattened onto the palm plane: no volume
        }
        assertThrows(IllegalArgumentException.class, () -> MeshHandedness.of(flat, right.faces()));
    }

    @Test
    void regressedJointsLieCloseToTheTemplatesJointsAndMoveRigidly() throws Exception {
        HandTemplate right = HandTemplateFile.bundled();
        MeshJoints joints = new MeshJoints(right);
        double error = joints.restError(right);
        System.out.println("MeshJoints rest error: " + error + " m");
        // The bundled template opens 1 cm below its wrist joint; the finger joints come within 8 mm (thumb base).
        assertTrue(error < 0.0105, "rest error " + error);
        float[] rest = joints.landmarks(right.vertices());
        for (int t = 0; t < 5; t++) {
            int tip = right.tips()[t];
            int l = HandSkeleton.TIP_LANDMARKS[t];
            assertEquals(right.vertices()[3 * tip], rest[3 * l], 0);
        }
        float[] moved = right.vertices().clone();
        for (int i = 0; i < moved.length; i += 3) {
            moved[i] += 0.1f;
            moved[i + 2] += 0.5f;
        }
        float[] shifted = joints.landmarks(moved);
        for (int i = 0; i < rest.length; i += 3) {
            assertEquals(rest[i] + 0.1f, shifted[i], 1e-5);
            assertEquals(rest[i + 1], shifted[i + 1], 1e-5);
            assertEquals(rest[i + 2] + 0.5f, shifted[i + 2], 1e-5);
        }
    }
}
