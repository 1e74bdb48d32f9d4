package dev.handscope.engine.face;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.model.ModelTimings;
import java.util.List;

/** Finds faces in a whole image. One instance per inference thread. */
public interface FaceDetector extends AutoCloseable {

    /** Faces in the image, image-normalised, best first; below {@code minScore} dropped. */
    List<FaceDetection> detect(RgbImage image, float minScore);

    /** The timings of the last {@link #detect} call. */
    ModelTimings lastTimings();

    @Override
    void close();
}
