package dev.handscope.engine.eval;

/** A labelled image's pinhole camera, in pixels (RHD's cam_param). */
public record CameraIntrinsics(double fx, double fy, double cx, double cy) {
}
