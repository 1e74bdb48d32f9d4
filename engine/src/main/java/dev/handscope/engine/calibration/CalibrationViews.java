package dev.handscope.engine.calibration;

import static org.bytedeco.opencv.global.opencv_calib3d.calibrateCamera;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Point2fVector;
import org.bytedeco.opencv.opencv_core.Point2fVectorVector;
import org.bytedeco.opencv.opencv_core.Point3f;
import org.bytedeco.opencv.opencv_core.Point3fVector;
import org.bytedeco.opencv.opencv_core.Point3fVectorVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The board views a calibration is solved from. A view that nearly repeats one already kept (the
 * board held still in a video) adds nothing and is turned away, so the kept views stay spread over
 * poses; a coarse grid over the image records which parts the board's corners have covered, which
 * is what a good calibration needs (distortion is largest at the edges).
 */
public final class CalibrationViews {
    /** Coverage grid: columns x rows cells over the image. */
    public static final int GRID_COLUMNS = 8;
    public static final int GRID_ROWS = 6;
    /** Most views kept: calibrateCamera's time grows with them and gains little past a few dozen. */
    public static final int MAX_VIEWS = 40;
    /** A view whose corners lie this close (mean, fraction of the image width) to a kept one's repeats it. */
    private static final double REPEAT = 0.01;

    private final Checkerboard board;
    private final int width;
    private final int height;
    private final List<float[]> views = new ArrayList<>();
    private final boolean[] covered = new boolean[GRID_COLUMNS * GRID_ROWS];

    public CalibrationViews(Checkerboard board, int width, int height) {
        this.board = board;
        this.width = width;
        this.height = height;
    }

    /**
     * Keeps a view unless it repeats a kept one or enough are kept.
     *
     * @param corners the board's corners in this frame (from {@link BoardFinder})
     * @return whether it was kept
     */
    public boolean offer(float[] corners) {
        if (views.size() >= MAX_VIEWS || repeats(corners)) {
            return false;
        }
        views.add(corners.clone());
        for (int i = 0; i < corners.length; i += 2) {
            int column = Math.min(GRID_COLUMNS - 1, Math.max(0, (int) (corners[i] / width * GRID_COLUMNS)));
            int row = Math.min(GRID_ROWS - 1, Math.max(0, (int) (corners[i + 1] / height * GRID_ROWS)));
            covered[row * GRID_COLUMNS + column] = true;
        }
        return true;
    }

    private boolean repeats(float[] corners) {
        for (float[] kept : views) {
            double sum = 0;
            for (int i = 0; i < corners.length; i += 2) {
                sum += Math.hypot(corners[i] - kept[i], corners[i + 1] - kept[i + 1]);
            }
            if (sum / board.corners() < REPEAT * width) {
                return true;
            }
        }
        return false;
    }

    public int count() {
        return views.size();
    }

    /** Which grid cells the kept views' corners have covered, row by row. */
    public boolean[] coveredCells() {
        return covered.clone();
    }

    /** The fraction of grid cells covered, 0..1. */
    public double coverage() {
        int n = 0;
        for (boolean cell : covered) {
            n += cell ? 1 : 0;
        }
        return (double) n / covered.length;
    }

    /**
     * Solves for the camera (OpenCV's calibrateCamera: pinhole and k1, k2, p1, p2, k3).
     *
     * @throws IllegalStateException with fewer than 3 views, too few to separate focal length from pose
     */
    public CameraCalibration calibrate() {
        if (views.size() < 3) {
            throw new IllegalStateException("a calibration needs at least 3 views of the board, got " + views.size());
        }
        float[] object = board.objectPoints();
        Point3fVector[] objectViews = new Point3fVector[views.size()];
        Point2fVector[] imageViews = new Point2fVector[views.size()];
        List<Pointer> made = new ArrayList<>();
        try {
            for (int v = 0; v < views.size(); v++) {
                float[] corners = views.get(v);
                Point3f[] plane = new Point3f[board.corners()];
                Point2f[] seen = new Point2f[board.corners()];
                for (int i = 0; i < board.corners(); i++) {
                    plane[i] = new Point3f(object[3 * i], object[3 * i + 1], 0);
                    seen[i] = new Point2f(corners[2 * i], corners[2 * i + 1]);
                    made.add(plane[i]);
                    made.add(seen[i]);
                }
                objectViews[v] = new Point3fVector(plane);
                imageViews[v] = new Point2fVector(seen);
                made.add(objectViews[v]);
                made.add(imageViews[v]);
            }
            try (Point3fVectorVector objectPoints = new Point3fVectorVector(objectViews);
                 Point2fVectorVector imagePoints = new Point2fVectorVector(imageViews);
                 Size size = new Size(width, height);
                 Mat camera = new Mat();
                 Mat distortion = new Mat();
                 MatVector rotations = new MatVector();
                 MatVector translations = new MatVector()) {
                double rms = calibrateCamera(objectPoints, imagePoints, size, camera, distortion, rotations,
                        translations);
                try (DoubleIndexer k = camera.createIndexer(); DoubleIndexer d = distortion.createIndexer()) {
                    double[] coefficients = new double[5];
                    for (int i = 0; i < 5; i++) {
                        coefficients[i] = d.get(0, i);
                    }
                    return new CameraCalibration(width, height, k.get(0, 0), k.get(1, 1), k.get(0, 2), k.get(1, 2),
                            coefficients, rms, views.size());
                }
            }
        } finally {
            made.forEach(Pointer::close);
        }
    }
}
