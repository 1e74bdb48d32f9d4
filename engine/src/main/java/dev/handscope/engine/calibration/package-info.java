/**
 * Checkerboard camera calibration with OpenCV: finding the board's corners in frames, keeping views
 * spread over the image, and solving for the focal length, principal point and lens distortion that
 * the 3D placement then uses instead of a field of view. Plain Java and OpenCV: no app, no JavaFX.
 */
package dev.handscope.engine.calibration;
