package dev.handscope.engine.capture;

import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A single still image, delivered again on every read so that the pipeline and the window keep
 * running on it like on a video. Decoded once.
 */
public final class ImageSource implements FrameSource {
    private final Mat rgb;
    private final SourceInfo info;

    private ImageSource(Path path, Mat rgb) {
        this.rgb = rgb;
        this.info = new SourceInfo(SourceKind.IMAGE, path.toString(), rgb.cols(), rgb.rows(), 0, -1);
    }

    public static ImageSource open(Path path) throws CaptureException {
        try (Mat bgr = StillImages.readBgr(path)) {
            Mat rgb = new Mat();
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(bgr, rgb,
                    org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB);
            return new ImageSource(path, rgb);
        }
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public boolean read(Frame target) {
        byte[] bytes = target.resize(rgb.cols(), rgb.rows());
        rgb.data().get(bytes, 0, rgb.cols() * rgb.rows() * 3);
        target.setSourceMicros(0);
        return true;
    }

    @Override
    public void close() {
        rgb.close();
    }
}
