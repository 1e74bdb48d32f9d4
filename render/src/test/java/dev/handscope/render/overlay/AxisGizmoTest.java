package dev.handscope.render.overlay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.headpose.HeadPose;
import org.junit.jupiter.api.Test;

class AxisGizmoTest {
    private static final double FOV = 60;

    private static HeadPose pose(double[] quaternion, double depth) {
        return new HeadPose(0, 0, 0, quaternion, new double[] {0, 0, depth});
    }

    @Test
    void anUnturnedHeadDrawsXRightYDownAndZIntoThePicture() {
        double[] e = AxisGizmo.endpoints(pose(new double[] {0, 0, 0, 1}, 0.5), 0.5, 0.5, 640, 480, FOV);
        double focal = 320 / Math.tan(Math.toRadians(30));
        assertEquals(0.5 + 0.05 * focal / 0.5 / 640, e[2], 1e-9, "x axis: to the right by f * 5 cm / 50 cm");
        assertEquals(0.5, e[3], 1e-9);
        assertEquals(0.5, e[4], 1e-9);
        assertEquals(0.5 + 0.05 * focal / 0.5 / 480, e[5], 1e-9, "y axis: down");
        assertArrayEquals(new double[] {0.5, 0.5}, new double[] {e[6], e[7]}, 1e-9, "z axis: straight away, a point");
    }

    @Test
    void aQuarterTurnAboutTheCameraAxisTurnsTheXAxisDown() {
        double s = Math.sqrt(0.5);
        double[] e = AxisGizmo.endpoints(pose(new double[] {0, 0, s, s}, 0.5), 0.3, 0.6, 640, 480, FOV);
        assertEquals(0.3, e[2], 1e-9, "x axis turned 90 degrees clockwise on screen: straight down");
        assertTrue(e[3] > 0.6);
    }

    @Test
    void aHeadBehindTheCameraDrawsNothing() {
        assertNull(AxisGizmo.endpoints(pose(new double[] {0, 0, 0, 1}, -0.5), 0.5, 0.5, 640, 480, FOV));
    }
}
