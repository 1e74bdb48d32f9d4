package dev.handscope.engine.capture;

import java.nio.ByteBuffer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/** Copies native pixel data into a {@link Frame}'s packed RGB bytes. */
final class RgbCopy {
    private RgbCopy() {
    }

    /**
     * Converts an OpenCV BGR image into {@code target} via {@code scratch}, a reused RGB Mat owned
     * by the caller.
     */
    static void fromBgrMat(Mat bgr, Mat scratch, Frame target) {
        cvtColor(bgr, scratch, COLOR_BGR2RGB);
        int width = scratch.cols();
        int height = scratch.rows();
        byte[] rgb = target.resize(width, height);
        int rowBytes = width * 3;
        if (scratch.isContinuous()) {
            scratch.data().get(rgb, 0, rowBytes * height);
        } else {
            long step = scratch.step();
            for (int y = 0; y < height; y++) {
                scratch.data().position(y * step).get(rgb, y * rowBytes, rowBytes);
            }
            scratch.data().position(0);
        }
    }

    /** Copies packed RGB24 rows with {@code strideBytes} bytes each from a native buffer. */
    static void fromRgbBuffer(ByteBuffer source, int width, int height, int strideBytes, Frame target) {
        byte[] rgb = target.resize(width, height);
        int rowBytes = width * 3;
        ByteBuffer view = source.duplicate();
        if (strideBytes == rowBytes) {
            view.position(0);
            view.get(rgb, 0, rowBytes * height);
            return;
        }
        for (int y = 0; y < height; y++) {
            view.position(y * strideBytes);
            view.get(rgb, y * rowBytes, rowBytes);
        }
    }
}
