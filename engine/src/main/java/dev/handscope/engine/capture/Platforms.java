package dev.handscope.engine.capture;

import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_ANY;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_V4L2;

/** Per-OS choices for camera access. */
final class Platforms {
    private Platforms() {
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** V4L2 on Linux (CAP_ANY would also try depth-camera backends and log about them); else OpenCV's pick. */
    static int cameraBackend() {
        return isLinux() ? CAP_V4L2 : CAP_ANY;
    }
}
