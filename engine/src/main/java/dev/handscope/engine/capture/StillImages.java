package dev.handscope.engine.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** Decodes still image files with OpenCV, turning its silent failures into clear errors. */
final class StillImages {
    private StillImages() {
    }

    /** Reads an image as 3-channel BGR (alpha dropped, grey expanded); the caller closes the Mat. */
    static Mat readBgr(Path path) throws CaptureException {
        if (!Files.isRegularFile(path)) {
            throw new CaptureException(path + ": no such image file. Check the path, or pick a file with Open.");
        }
        if (!Files.isReadable(path)) {
            throw new CaptureException(path + ": the image file is not readable (permissions).");
        }
        Mat bgr = imread(path.toAbsolutePath().toString(), IMREAD_COLOR);
        if (bgr == null || bgr.empty()) {
            if (bgr != null) {
                bgr.close();
            }
            throw new CaptureException(path + ": not a readable image. The file is corrupt or not in a "
                    + "supported format (" + String.join(", ", SourceSpec.IMAGE_EXTENSIONS) + ").");
        }
        return bgr;
    }
}
