package dev.handscope.engine.mesh;

import dev.handscope.engine.hand.HandTopology;
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
    private final CameraModel camera;
    private final double handSizeMetres;

    /** The default template for right hands and its mirror image for left hands. */
    public HandMesher(HandTemplate rightTemplate, double horizontalFovDegrees) {
        this(rightTemplate, rightTemplate.mirrored(), horizontalFovDegrees);
    }

    /** Separate right and left templates (MANO ships one of each). */
    public HandMesher(HandTemplate rightTemplate, HandTemplate leftTemplate, double horizontalFovDegrees) {
        this(rightTemplate, leftTemplate, CameraModel.fieldOfView(horizontalFovDegrees), Double.NaN);
    }

    /**
     * @param camera         the camera (a field of view, or a calibration with distortion)
     * @param handSizeMetres the hand's wrist to middle-finger knuckle (MCP) distance, which fixes how
     *                       far away it is; NaN keeps the landmark model's own metric scale
     */
    public HandMesher(HandTemplate rightTemplate, HandTemplate leftTemplate, CameraModel camera,
                      double handSizeMetres) {
        this.right = new MeshFitter(rightTemplate);
        this.left = new MeshFitter(leftTemplate);
        this.rightSkinning = new Skinning(rightTemplate);
        this.leftSkinning = new Skinning(leftTemplate);
        this.camera = camera;
        this.handSizeMetres = handSizeMetres;
    }

    /**
     * Fits and places one hand. The world landmarks (metric shape) fix how far away the hand is;
     * the image landmarks, lifted to that depth along their camera rays, are what the skeleton is
     * then fitted to, so the mesh lines up with the video.
     */
    public HandMesh mesh(HandResult hand, int imageWidth, int imageHeight) {
        long start = System.nanoTime();
        float[] landmarks = camera.undistort(hand.landmarks().toArray(), imageWidth, imageHeight);
        float[] world = scaled(hand.worldLandmarks().toArray());
        PinholeCamera pinhole = camera.pinhole(imageWidth, imageHeight);
        boolean isLeft = Handedness.LEFT.equals(hand.handedness().label());
        MeshFitter fitter = isLeft ? left : right;
        Skinning skinning = isLeft ? leftSkinning : rightSkinning;
        CameraPlacement.Placement metric = CameraPlacement.solve(world, landmarks, imageWidth, imageHeight, pinhole);
        double depth = metric.translation()[2] + world[2];
        float[] targets = CameraPlacement.backProject(landmarks, depth, imageWidth, imageHeight, pinhole);
        HandPose fitted = fitter.fit(targets, HandPose.rest());
        // The palm is rigid, so the fitted skeleton cannot hit every target: place it by least squares.
        HandPose atOrigin = new HandPose(fitted.rotations(), fitted.scale(), new org.joml.Vector3f());
        float[] skeleton = fitter.posedPoints(skinning.pose(atOrigin, fitter.shapedJoints()), new float[63]);
        CameraPlacement.Placement placement = CameraPlacement.solve(skeleton, landmarks, imageWidth, imageHeight,
                pinhole);
        float[] t = placement.translation();
        HandPose pose = new HandPose(fitted.rotations(), fitted.scale(), new org.joml.Vector3f(t[0], t[1], t[2]));
        for (int i = 0; i < skeleton.length; i += 3) {
            skeleton[i] += t[0];
            skeleton[i + 1] += t[1];
            skeleton[i + 2] += t[2];
        }
        float[] vertices = skinning.pose(pose, fitter.shapedJoints()).skin(fitter.shapedVertices(),
                new float[HandTemplate.VERTICES * 3]);
        float[] sigma = WristUncertainty.sigma(placement, pinhole,
                Double.isNaN(handSizeMetres) ? WristUncertainty.MODEL_SCALE : WristUncertainty.GIVEN_SCALE);
        return new HandMesh(vertices, skeleton, pose, placement, sigma, GeometricHandedness.estimate(world),
                hand.handedness(), fitter.template(), System.nanoTime() - start);
    }

    /** World landmarks scaled so that wrist to middle MCP is the given hand size (unchanged without one). */
    private float[] scaled(float[] world) {
        if (Double.isNaN(handSizeMetres)) {
            return world;
        }
        int mcp = 3 * HandTopology.MIDDLE_MCP;
        double size = Math.sqrt(Math.pow(world[mcp] - world[0], 2) + Math.pow(world[mcp + 1] - world[1], 2)
                + Math.pow(world[mcp + 2] - world[2], 2));
        if (!(size > 0)) {
            return world;
        }
        float factor = (float) (handSizeMetres / size);
        for (int i = 0; i < world.length; i++) {
            world[i] *= factor;
        }
        return world;
    }
}
