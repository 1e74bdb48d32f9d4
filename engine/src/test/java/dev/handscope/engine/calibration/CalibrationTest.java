package dev.handscope.engine.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.mesh.PinholeCamera;
import org.junit.jupiter.api.Test;

/**
 * Calibration recovers a known camera from checkerboard images rendered through it
 * ({@link BoardImages}) at a dozen board poses.
 */
class CalibrationTest {
    private static final int WIDTH = BoardImages.WIDTH;
    private static final int HEIGHT = BoardImages.HEIGHT;
    private static final CameraCalibration KNOWN = BoardImages.KNOWN;
    private static final Checkerboard BOARD = BoardImages.BOARD;

    @Test
    void recoversTheKnownCameraWithinOnePercent() {
        BoardFinder finder = new BoardFinder(BOARD);
        CalibrationViews views = new CalibrationViews(BOARD, WIDTH, HEIGHT);
        int found = 0;
        for (double[] pose : BoardImages.POSES) {
            float[] corners = finder.find(BoardImages.render(KNOWN, pose), WIDTH, HEIGHT);
            if (corners != null) {
                found++;
                assertTrue(views.offer(corners), "a new pose is kept: pose " + found);
                assertTrue(!views.offer(corners), "the same view again is not");
            }
        }
        assertEquals(BoardImages.POSES.length, found, "the board is found in every rendered view");
        CameraCalibration solved = views.calibrate();
        System.out.printf("calibration: fx %.2f (%.3f%%) fy %.2f (%.3f%%) cx %.2f (%.3f%%) cy %.2f (%.3f%%)"
                        + " k1 %.4f k2 %.4f p1 %.5f p2 %.5f k3 %.4f rms %.3f px, coverage %.2f%n",
                solved.fx(), pct(solved.fx(), KNOWN.fx()), solved.fy(), pct(solved.fy(), KNOWN.fy()),
                solved.cx(), pct(solved.cx(), KNOWN.cx()), solved.cy(), pct(solved.cy(), KNOWN.cy()),
                solved.distortion()[0], solved.distortion()[1], solved.distortion()[2], solved.distortion()[3],
                solved.distortion()[4], solved.rmsPx(), views.coverage());
        assertEquals(KNOWN.fx(), solved.fx(), 0.01 * KNOWN.fx());
        assertEquals(KNOWN.fy(), solved.fy(), 0.01 * KNOWN.fy());
        assertEquals(KNOWN.cx(), solved.cx(), 0.01 * KNOWN.cx());
        assertEquals(KNOWN.cy(), solved.cy(), 0.01 * KNOWN.cy());
        assertEquals(KNOWN.distortion()[0], solved.distortion()[0], 0.02, "k1");
        assertEquals(KNOWN.distortion()[2], solved.distortion()[2], 0.002, "p1");
        assertEquals(KNOWN.distortion()[3], solved.distortion()[3], 0.002, "p2");
        assertTrue(solved.rmsPx() < 0.5, "rms " + solved.rmsPx());
        assertEquals(BoardImages.POSES.length, solved.views());
        // The distortion as a whole: a point toward the corner, inside the views' coverage, within a pixel.
        float[] corner = {0.2f, 0.25f, 0};
        float[] truth = KNOWN.undistort(corner, WIDTH, HEIGHT);
        float[] got = solved.undistort(corner, WIDTH, HEIGHT);
        assertEquals(truth[0] * WIDTH, got[0] * WIDTH, 1.0);
        assertEquals(truth[1] * HEIGHT, got[1] * HEIGHT, 1.0);
    }

    private static double pct(double got, double truth) {
        return 100 * Math.abs(got - truth) / truth;
    }

    @Test
    void noBoardIsFoundInAFrameWithoutOne() {
        byte[] gray = new byte[WIDTH * HEIGHT * 3];
        java.util.Arrays.fill(gray, (byte) 128);
        assertNull(new BoardFinder(BOARD).find(gray, WIDTH, HEIGHT));
        CalibrationViews none = new CalibrationViews(BOARD, WIDTH, HEIGHT);
        IllegalStateException error = assertThrows(IllegalStateException.class, none::calibrate);
        assertTrue(error.getMessage().contains("at least 3 views"), error.getMessage());
    }

    @Test
    void aCalibrationScalesToAnotherResolutionAndUndistortsTowardTheCentre() {
        PinholeCamera half = KNOWN.pinhole(WIDTH / 2, HEIGHT / 2);
        assertEquals(KNOWN.fx() / 2, half.fx(), 1e-9);
        assertEquals(KNOWN.cy() / 2, half.cy(), 1e-9);
        // Barrel distortion (k1 < 0) pulls the image edge in: undistorting pushes it out.
        float[] edge = KNOWN.undistort(new float[] {0.05f, 0.5f, 0.1f}, WIDTH, HEIGHT);
        assertTrue(edge[0] < 0.05f, "moved outward: " + edge[0]);
        assertEquals(0.1f, edge[2], 0f, "z kept");
    }
}
