package dev.handscope.engine.calibration;

import static org.bytedeco.opencv.global.opencv_calib3d.projectPoints;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Checkerboard images rendered through a known camera: every square drawn as a polygon whose edges
 * (16 points a side) are projected with OpenCV's projectPoints, lens distortion included.
 */
public final class BoardImages {
    private BoardImages() {
    }

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final CameraCalibration KNOWN = new CameraCalibration(WIDTH, HEIGHT, 960, 950, 652, 355,
            new double[] {-0.15, 0.06, 0.0012, -0.0008, 0}, 0, 0);
    public static final Checkerboard BOARD = new Checkerboard(9, 6, 0.025);
    private static final int EDGE = 16;
    private static final int SUBPIXEL_BITS = 4;

    /** Board poses: rotation vector (radians) and translation (metres) of the board's corner 0. */
    public static final double[][] POSES = {
        {0.0, 0.0, 0.0, -0.12, -0.08, 0.55},
        {0.35, 0.0, 0.0, -0.12, -0.06, 0.6},
        {-0.35, 0.1, 0.0, -0.12, -0.1, 0.6},
        {0.0, 0.4, 0.0, -0.14, -0.08, 0.6},
        {0.0, -0.4, 0.1, -0.1, -0.08, 0.55},
        {0.2, 0.3, 0.3, -0.3, -0.18, 0.6},
        {-0.2, -0.3, -0.2, 0.06, -0.18, 0.6},
        {0.25, -0.25, 0.1, 0.08, 0.03, 0.6},
        {-0.25, 0.25, -0.1, -0.32, 0.02, 0.6},
        {0.1, 0.1, 0.5, -0.05, -0.2, 0.7},
        {0.3, 0.3, -0.4, -0.25, -0.05, 0.5},
        {-0.1, 0.45, 0.2, 0.0, 0.0, 0.65},
    };

    /** One rendered frame (packed RGB) of the board at a pose, seen through {@code camera}. */
    public static byte[] render(CameraCalibration camera, double[] pose) {
        List<float[]> squares = new ArrayList<>();
        double s = BOARD.squareMetres();
        // The printed board: (columns + 1) x (rows + 1) squares around the inner corners, black where
        // the square's row and column indices add up to an even number.
        for (int r = -1; r < BOARD.rows(); r++) {
            for (int c = -1; c < BOARD.columns(); c++) {
                if (((r + c) & 1) == 0) {
                    squares.add(squareOutline(c * s, r * s, s));
                }
            }
        }
        try (Mat image = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(255, 255, 255, 0));
             MatVector polygons = new MatVector(squares.size());
             Scalar black = new Scalar(0, 0, 0, 0);
             Point origin = new Point(0, 0)) {
            for (int i = 0; i < squares.size(); i++) {
                polygons.put(i, projected(camera, pose, squares.get(i)));
            }
            fillPoly(image, polygons, black, LINE_AA, SUBPIXEL_BITS, origin);
            for (int i = 0; i < squares.size(); i++) {
                polygons.get(i).close();
            }
            byte[] rgb = new byte[WIDTH * HEIGHT * 3];
            try (UByteIndexer at = image.createIndexer()) {
                for (int y = 0; y < HEIGHT; y++) {
                    for (int x = 0; x < WIDTH; x++) {
                        for (int k = 0; k < 3; k++) {
                            rgb[(y * WIDTH + x) * 3 + k] = (byte) at.get(y, x, k);
                        }
                    }
                }
            }
            return rgb;
        }
    }

    /** A square's outline on the board plane, EDGE points a side. */
    private static float[] squareOutline(double x0, double y0, double s) {
        float[] points = new float[3 * 4 * EDGE];
        double[][] corners = {{x0, y0}, {x0 + s, y0}, {x0 + s, y0 + s}, {x0, y0 + s}};
        int at = 0;
        for (int side = 0; side < 4; side++) {
            double[] a = corners[side];
            double[] b = corners[(side + 1) % 4];
            for (int k = 0; k < EDGE; k++) {
                double t = (double) k / EDGE;
                points[at++] = (float) (a[0] + t * (b[0] - a[0]));
                points[at++] = (float) (a[1] + t * (b[1] - a[1]));
                points[at++] = 0;
            }
        }
        return points;
    }

    /** Points on the board projected to whole-pixel-times-2^SUBPIXEL_BITS polygon vertices (CV_32SC2). */
    private static Mat projected(CameraCalibration camera, double[] pose, float[] points) {
        int n = points.length / 3;
        try (Mat object = new Mat(n, 1, CV_32FC3);
             Mat rotation = vector(pose[0], pose[1], pose[2]);
             Mat translation = vector(pose[3], pose[4], pose[5]);
             Mat k = camera.cameraMatrix();
             Mat d = camera.distortionMatrix();
             Mat image = new Mat()) {
            try (FloatIndexer at = object.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < 3; c++) {
                        at.put(i, 0, c, points[3 * i + c]);
                    }
                }
            }
            projectPoints(object, rotation, translation, k, d, image);
            Mat polygon = new Mat(n, 1, org.bytedeco.opencv.global.opencv_core.CV_32SC2);
            try (FloatIndexer from = image.createIndexer(); IntIndexer to = polygon.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    to.put(i, 0, 0, Math.round(from.get(i, 0, 0) * (1 << SUBPIXEL_BITS)));
                    to.put(i, 0, 1, Math.round(from.get(i, 0, 1) * (1 << SUBPIXEL_BITS)));
                }
            }
            return polygon;
        }
    }

    private static Mat vector(double a, double b, double c) {
        Mat m = new Mat(3, 1, CV_64FC1);
        try (DoubleIndexer at = m.createIndexer()) {
            at.put(0, 0, a);
            at.put(1, 0, b);
            at.put(2, 0, c);
        }
        return m;
    }
}
