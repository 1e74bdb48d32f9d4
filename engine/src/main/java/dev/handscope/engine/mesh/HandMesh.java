package dev.handscope.engine.mesh;

import dev.handscope.engine.landmarks.Handedness;

/**
 * A hand mesh posed in camera space.
 *
 * @param vertices  the 778 posed vertices (x, y, z, metres)
 * @param skeleton  the 21 skeleton points in camera space (metres)
 * @param pose      the fitted pose (rotations, scale; translation = camera-space wrist)
 * @param placement the camera placement and its reprojection error
 * @param wristSigma one-sigma error of the camera-space wrist (x, y, z metres; {@link WristUncertainty})
 * @param geometric left/right from the 3D geometry alone
 * @param model     the landmark model's (smoothed) label
 * @param template  the template used (right, or mirrored for a left hand)
 * @param fitNanos  time to fit, place and skin
 */
public record HandMesh(float[] vertices, float[] skeleton, HandPose pose, CameraPlacement.Placement placement,
                       float[] wristSigma,
                       GeometricHandedness.Estimate geometric, Handedness model, HandTemplate template,
                       long fitNanos) {

    public boolean handednessDisagrees() {
        return geometric.disagreesWith(model);
    }
}
