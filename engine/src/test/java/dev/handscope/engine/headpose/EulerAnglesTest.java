package dev.handscope.engine.headpose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EulerAnglesTest {

    private static double[] apply(double[] r, double[] v) {
        return new double[] {r[0] * v[0] + r[1] * v[1] + r[2] * v[2], r[3] * v[0] + r[4] * v[1] + r[5] * v[2],
            r[6] * v[0] + r[7] * v[1] + r[8] * v[2]};
    }

    @Test
    void anglesRoundTripThroughTheMatrixAndTheQuaternion() {
        double[][] cases = {{0, 0, 0}, {20, -10, 5}, {-35, 15, -20}, {10, 25, 30}, {-80, -60, 170}, {89, 5, -5}};
        for (double[] c : cases) {
            double[] r = EulerAngles.matrix(c[0], c[1], c[2]);
            assertEquals(1, WeightedProcrustes.det(r), 1e-12);
            assertArrayEquals(c, EulerAngles.angles(r), 1e-9, () -> java.util.Arrays.toString(c));
            HeadPose pose = EulerAngles.headPose(r, new double[] {0, 0, 1});
            assertArrayEquals(r, EulerAngles.matrix(pose), 1e-12);
            assertEquals(c[0], pose.yaw(), 1e-9);
            assertEquals(c[1], pose.pitch(), 1e-9);
            assertEquals(c[2], pose.roll(), 1e-9);
            assertTrue(pose.quaternion()[3] >= 0);
        }
    }

    @Test
    void theSignsMeanWhatTheReadmeSays() {
        double[] nose = {0, 0, -1};   // head frame: the nose points out of the face, toward the camera
        double[] top = {0, -1, 0};    // up the face
        // yaw > 0: the nose turns toward the image's left (-x).
        assertTrue(apply(EulerAngles.matrix(20, 0, 0), nose)[0] < -0.3);
        // pitch > 0: the nose tips down (+y).
        assertTrue(apply(EulerAngles.matrix(0, 20, 0), nose)[1] > 0.3);
        // roll > 0: the top of the head goes toward the image's right: clockwise in the image.
        assertTrue(apply(EulerAngles.matrix(0, 0, 20), top)[0] > 0.3);
        // roll is the outermost rotation: Rz(a) R(yaw, pitch, roll) = R(yaw, pitch, roll + a).
        double[] r = EulerAngles.matrix(25, -15, 10);
        double[] rz = EulerAngles.matrix(0, 0, 30);
        double[] p = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    p[i * 3 + j] += rz[i * 3 + k] * r[k * 3 + j];
                }
            }
        }
        assertArrayEquals(new double[] {25, -15, 40}, EulerAngles.angles(p), 1e-9);
    }

    @Test
    void gimbalLockReportsRollZeroAndKeepsTheRotation() {
        double[] r = EulerAngles.matrix(90, 30, 0);
        double[] a = EulerAngles.angles(r);
        assertEquals(90, a[0], 1e-6);
        assertEquals(0, a[2], 0);
        assertArrayEquals(r, EulerAngles.matrix(a[0], a[1], a[2]), 1e-6);
    }

    @Test
    void quaternionIsTheRotation() {
        double[] q = EulerAngles.quaternion(EulerAngles.matrix(0, 0, 90));
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {0, 0, h, h}, q, 1e-12);
    }
}
