package dev.handscope.engine.signals;

/**
 * A hand's interaction signals in one frame (after Ultraleap's hand model). Frames: "image" is
 * x, y normalised to the unmirrored image (z MediaPipe's relative depth); "world" is the model's
 * hand-centred metric frame (metres, x right, y down, z away from the camera); "camera" is camera
 * space (metres, origin at the camera, same axes), placed with a pinhole camera of the stage's
 * field of view (60 degrees unless set).
 *
 * @param pinch         thumb tip to index tip closeness, 0..1: 1 at or under {@link InteractionSignals#PINCH_TOUCH}
 *                      hand sizes apart, 0 at or over {@link InteractionSignals#PINCH_OPEN}, linear between
 * @param grab          mean curl of the four fingers, 0 (flat) .. 1 (fist), from world landmarks
 * @param palmImage     palm centre (mean of wrist and four finger knuckles), image frame
 * @param palmWorld     palm centre, world frame (metres)
 * @param palmCamera    palm centre, camera frame (metres)
 * @param palmNormal    unit vector out of the palm's inner side, world (= camera) axes
 * @param pointOrigin   the pointing ray's origin, the index knuckle, camera frame (metres)
 * @param pointDirection the pointing ray's unit direction, index knuckle to tip, world (= camera) axes
 * @param palmVelocity  palm centre velocity, camera frame, metres per second, smoothed
 * @param visibleSeconds time since the hand was found
 */
public record HandSignals(double pinch, double grab, float[] palmImage, float[] palmWorld, float[] palmCamera,
                          float[] palmNormal, float[] pointOrigin, float[] pointDirection, float[] palmVelocity,
                          double visibleSeconds) {
}
