package dev.handscope.engine.face;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.ModelTimings;

/** Finds the 468 landmarks of one face in a region of the image. One instance per inference thread. */
public interface FaceLandmarker extends AutoCloseable {

    FaceLandmarks landmark(RgbImage image, RotatedRect region);

    /** The timings of the last {@link #landmark} call. */
    ModelTimings lastTimings();

    @Override
    void close();
}
