package dev.handscope.engine.result;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.headpose.HeadPose;
import dev.handscope.engine.landmarks.RotatedRect;

/**
 * One face in one frame.
 *
 * @param id        stable while the face is tracked; a new face gets a new id
 * @param age       frames since the face was found (0 on its first frame)
 * @param landmarks 468 x (x, y, z), smoothed when smoothing is on; x, y normalised to the unmirrored
 *                  image, z relative depth at the scale of x
 * @param presence  this frame's face presence
 * @param region    the crop the face landmark model saw this frame
 * @param pose      head pose from MediaPipe's face geometry (weighted Procrustes), or null until the
 *                  head-pose stage ran
 * @param pnpPose   head pose from solvePnP against the canonical face, the cross-check, or null
 */
public record FaceResult(int id, int age, Landmarks landmarks, double presence, RotatedRect region, HeadPose pose,
                         HeadPose pnpPose) {

    public FaceResult withPoses(HeadPose geometry, HeadPose pnp) {
        return new FaceResult(id, age, landmarks, presence, region, geometry, pnp);
    }
}
