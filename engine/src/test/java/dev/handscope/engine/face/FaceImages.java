package dev.handscope.engine.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.handscope.engine.imaging.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** The shared test photos, and images derived from them (cut, shrunk). */
final class FaceImages {
    static final Path SHARED = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata");

    private FaceImages() {
    }

    static RgbImage read(String relative) {
        Path path = SHARED.resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("shared test data missing: " + path.toAbsolutePath());
        }
        RgbImage image = RgbImage.read(path);
        if (image == null) {
            throw new IllegalStateException("cannot decode " + path);
        }
        return image;
    }

    /** The columns [x, x + width) of {@code image}, as a new image. */
    static RgbImage columns(RgbImage image, int x, int width) {
        RgbImage out = new RgbImage();
        try (Mat part = image.mat().apply(new Rect(x, 0, width, image.height()))) {
            part.copyTo(out.mat());
        }
        return out;
    }

    /** The pixels [x, x + width) × [y, y + height) of {@code image}, clamped to it, as a new image. */
    static RgbImage region(RgbImage image, int x, int y, int width, int height) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int w = Math.min(image.width(), x + width) - left;
        int h = Math.min(image.height(), y + height) - top;
        RgbImage out = new RgbImage();
        try (Mat part = image.mat().apply(new Rect(left, top, w, h))) {
            part.copyTo(out.mat());
        }
        return out;
    }

    /** Two images of one height side by side. */
    static RgbImage sideBySide(RgbImage left, RgbImage right) {
        RgbImage out = new RgbImage();
        org.bytedeco.opencv.global.opencv_core.hconcat(left.mat(), right.mat(), out.mat());
        return out;
    }

    /** {@code image} shrunk by {@code factor}, pasted top-left on a mid-grey canvas of the original size. */
    static RgbImage shrunkOnCanvas(RgbImage image, double factor) {
        RgbImage out = new RgbImage();
        int w = Math.max(1, (int) Math.round(image.width() * factor));
        int h = Math.max(1, (int) Math.round(image.height() * factor));
        try (Mat canvas = new Mat(image.height(), image.width(), CV_8UC3, new Scalar(128, 128, 128, 0));
             Mat small = new Mat()) {
            resize(image.mat(), small, new Size(w, h), 0, 0, INTER_AREA);
            try (Mat target = canvas.apply(new Rect(0, 0, w, h))) {
                small.copyTo(target);
            }
            canvas.copyTo(out.mat());
        }
        return out;
    }
}
