package dev.handscope.engine.face;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.RotatedRect;

/**
 * What the face landmark model says about one crop.
 *
 * @param landmarks 468 x (x, y, z): x, y normalised to the image, z relative depth at the scale of x
 *                  (MediaPipe's projection: crop z / 192 times the crop width over the image width)
 * @param presence  probability that a face fills the crop (sigmoid of the model's flag)
 * @param region    the square crop the model saw, normalised to the image
 */
public record FaceLandmarks(Landmarks landmarks, float presence, RotatedRect region) {
    public static final int COUNT = 468;
}
