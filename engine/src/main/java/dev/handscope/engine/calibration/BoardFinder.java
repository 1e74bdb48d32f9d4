package dev.handscope.engine.calibration;

import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_ADAPTIVE_THRESH;
import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_FAST_CHECK;
import static org.bytedeco.opencv.global.opencv_calib3d.CALIB_CB_NORMALIZE_IMAGE;
import static org.bytedeco.opencv.global.opencv_calib3d.findChessboardCorners;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cornerSubPix;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/** Finds a checkerboard's inner corners in an RGB frame, refined to a fraction of a pixel. */
public final class BoardFinder {
    private final Checkerboard board;

    public BoardFinder(Checkerboard board) {
        this.board = board;
    }

    /**
     * @param rgb packed RGB, {@code width * height * 3} bytes
     * @return the corners (x, y pixels, OpenCV's order), or null when the whole board is not in view
     */
    public float[] find(byte[] rgb, int width, int height) {
        try (BytePointer pixels = new BytePointer(rgb);
             Mat color = new Mat(height, width, CV_8UC3, pixels);
             Mat gray = new Mat();
             Mat corners = new Mat();
             Size pattern = new Size(board.columns(), board.rows());
             Size window = new Size(5, 5);
             Size noDeadZone = new Size(-1, -1);
             TermCriteria stop = new TermCriteria(TermCriteria.EPS + TermCriteria.COUNT, 40, 0.001)) {
            cvtColor(color, gray, COLOR_RGB2GRAY);
            boolean found = findChessboardCorners(gray, pattern, corners,
                    CALIB_CB_ADAPTIVE_THRESH | CALIB_CB_NORMALIZE_IMAGE | CALIB_CB_FAST_CHECK);
            if (!found || corners.rows() != board.corners()) {
                return null;
            }
            cornerSubPix(gray, corners, window, noDeadZone, stop);
            float[] out = new float[2 * board.corners()];
            try (FloatIndexer at = corners.createIndexer()) {
                for (int i = 0; i < board.corners(); i++) {
                    out[2 * i] = at.get(i, 0, 0);
                    out[2 * i + 1] = at.get(i, 0, 1);
                }
            }
            return out;
        }
    }
}
