package dev.handscope.engine.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FPS;

/**
 * A webcam opened through OpenCV's VideoCapture, which answers in well under a second when no
 * camera is there (JavaCV's OpenCVFrameGrabber waits about ten).
 */
public final class CameraSource implements FrameSource {
    private final VideoCapture capture;
    private final String name;
    private final SourceInfo info;
    private final Mat bgr = new Mat();
    private final Mat scratch = new Mat();

    private CameraSource(VideoCapture capture, String name, int width, int height, double fps) {
        this.capture = capture;
        this.name = name;
        this.info = new SourceInfo(SourceKind.CAMERA, name, width, height, fps > 0 && fps < 1000 ? fps : 0, -1);
    }

    public static CameraSource open(SourceSpec spec) throws CaptureException {
        if (!spec.isCamera()) {
            throw new IllegalArgumentException(spec + " is not a camera");
        }
        String name = spec.toString();
        // On Linux a missing device node answers at once, without asking OpenCV.
        Path device = spec.path() != null ? spec.path()
                : Platforms.isLinux() ? Path.of("/dev/video" + spec.cameraIndex()) : null;
        if (device != null && !Files.exists(device)) {
            throw new CaptureException("No camera found (" + name + ": " + device + " does not exist). Connect a "
                    + "camera, run 'handscope cameras' to list the ones found, or open a video file.");
        }
        VideoCapture capture = spec.path() != null
                ? new VideoCapture(spec.path().toString(), Platforms.cameraBackend())
                : new VideoCapture(spec.cameraIndex(), Platforms.cameraBackend());
        if (!capture.isOpened()) {
            capture.close();
            throw new CaptureException("No camera found (" + name + "). Connect a camera, run "
                    + "'handscope cameras' to list the ones found, or open a video file.");
        }
        if (spec.width() > 0 && spec.height() > 0) {
            capture.set(org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_WIDTH, spec.width());
            capture.set(org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_HEIGHT, spec.height());
        }
        Mat probe = new Mat();
        try {
            if (!capture.read(probe) || probe.empty()) {
                capture.close();
                throw new CaptureException("The " + name + " opened but delivers no frames. It may be in use "
                        + "by another program; close that program or choose another camera.");
            }
            return new CameraSource(capture, name, probe.cols(), probe.rows(), capture.get(CAP_PROP_FPS));
        } finally {
            probe.close();
        }
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public boolean read(Frame target) throws CaptureException {
        if (!capture.read(bgr) || bgr.empty()) {
            throw new SourceLostException("The " + name + " stopped delivering frames (unplugged?).");
        }
        RgbCopy.fromBgrMat(bgr, scratch, target);
        target.setSourceMicros(-1);
        return true;
    }

    @Override
    public void close() {
        capture.release();
        capture.close();
        bgr.close();
        scratch.close();
    }
}
