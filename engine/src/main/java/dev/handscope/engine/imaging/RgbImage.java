package dev.handscope.engine.imaging;

import dev.handscope.engine.capture.Frame;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * A native RGB image (OpenCV Mat, 8 bits per channel) that the model adapters crop from. Reused
 * from frame to frame: it reallocates only when the frame size changes.
 */
public final class RgbImage implements AutoCloseable {
    private final Mat mat = new Mat();

    /** Copies a frame's pixels in. */
    public RgbImage load(Frame frame) {
        if (mat.cols() != frame.width() || mat.rows() != frame.height()) {
            mat.create(frame.height(), frame.width(), CV_8UC3);
        }
        mat.data().put(frame.rgb(), 0, frame.width() * frame.height() * 3);
        return this;
    }

    /** Reads an image file; null when OpenCV cannot decode it. */
    public static RgbImage read(Path file) {
        try (Mat bgr = imread(file.toAbsolutePath().toString(), IMREAD_COLOR)) {
            if (bgr.empty()) {
                return null;
            }
            RgbImage image = new RgbImage();
            cvtColor(bgr, image.mat, COLOR_BGR2RGB);
            return image;
        }
    }

    public Mat mat() {
        return mat;
    }

    public int width() {
        return mat.cols();
    }

    public int height() {
        return mat.rows();
    }

    @Override
    public void close() {
        mat.close();
    }
}
