package dev.handscope.engine.mesh;

import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.result.HandResult;

/**
 * Turns a tracked hand into a posed 778-vertex mesh in camera space: the template of the model's
 * chirality fitted to the world landmarks, placed so its joints project onto the image landmarks,
 * with the geometric handedness beside the model's label. One per thread (buffers are reused).
 */
public final class HandMesher {
    private final MeshFitter right;
    private final MeshFitter left;
    private final Skinning rightSkinning;
    private final Skinning leftSkinning;
    private final double fovDegrees;

    /** The default template for right hands and its mirror image for left hands. */
    public HandMesher(HandTemplate rightTemplate, double horizontalFovDegrees) {
        this(rightTemplate, rightTemplate.mirrored(), horizontalFovDegrees);
    }

    /** Separate right and left templates (MANO ships one of each). */
    public HandMesher(HandTemplate rightTemplate, HandTemplate leftTemplate, double horizontalFovDegrees) {
        this.right = new MeshFitter(rightTemplate);
        this.left = new MeshFitter(leftTemplate);
        this.rightSkinning = new Skinning(rightTemplate);
        this.leftSkinning = new Skinning(leftTemplate);
        this.fovDegrees = horizontalFovDegrees;
    }

    /**
     * Fits and places one hand. The world landmarks (metric shape) fix how far away the hand is;
     * the image landmarks, lifted to that depth along their camera rays, are what the skeleton is
     * then fitted to, so the mesh lines up with the video.
     */
    public HandMesh mesh(HandResult hand, int imageWidth, int imageHeight) {
        long start = System.nanoTime();
        float[] landmarks = hand.landmarks().toArray();
        float[] world = hand.worldLandmarks().toArray();
        boolean isLeft = Handedness.LEFT.equals(hand.handedness().label());
        MeshFitter fitter = isLeft ? left : right;
        Skinning skinning = isLeft ? leftSkinning : rightSkinning;
        CameraPlacement.Placement metric = CameraPlacement.solve(world, landmarks, imageWidth,
                imageHeight, fovDegrees);
        double depth = metric.translation()[2] + world[2];
        float[] targets = CameraPlacement.backProject(landmarks, depth, imageWidth, imageHeight, fovDegrees);
        HandPose fitted = fitter.fit(targets, HandPose.rest());
        // The palm is rigid, so the fitted skeleton cannot hit every target: place it by least squares.
        HandPose atOrigin = new HandPose(fitted.rotations(), fitted.scale(), new org.joml.Vector3f());
        float[] skeleton = fitter.posedPoints(skinning.pose(atOrigin, fitter.shapedJoints()), new float[63]);
        CameraPlacement.Placement placement = CameraPlacement.solve(skeleton, landmarks, imageWidth,
                imageHeight, fovDegrees);
        float[] t = placement.translation();
        HandPose pose = new HandPose(fitted.rotations(), fitted.scale(), new org.joml.Vector3f(t[0], t[1], t[2]));
        for (int i = 0; i < skeleton.length; i += 3) {
            skeleton[i] += t[0];
            skeleton[i + 1] += t[1];
            skeleton[i + 2] += t[2];
        }
        float[] vertices = skinning.pose(pose, fitter.shapedJoints()).skin(fitter.shapedVertices(),
                new float[HandTemplate.VERTICES * 3]);
        return new HandMesh(vertices, skeleton, pose, placement, GeometricHandedness.estimate(world),
                hand.handedness(), fitter.template(), System.nanoTime() - start);
    }
}
