package dev.handscope.engine.family.mesh;

import dev.handscope.engine.imaging.Letterbox;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.mesh.CameraPlacement;
import dev.handscope.engine.mesh.GeometricHandedness;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.mesh.PinholeCamera;
import dev.handscope.engine.mesh.WristUncertainty;
import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.MeshHandedness;
import dev.handscope.engine.mesh.MeshJoints;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.model.ModelRuntime;
import dev.handscope.engine.model.Translator;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-stage hand-mesh model's pre- and post-processing: letterbox the (turned) image as YOLO does
 * ({@link Letterbox}); decode and suppress the candidates; make each hand a {@link HandRegion}
 * whose {@link HandLandmarks} carry the predicted {@link HandMesh}, shown as predicted (no fitting).
 * <p>
 * The mesh: vertices = predicted vertices + camera translation, in camera space (metres, x right,
 * y down, z away), turned back by the image rotation about the optical axis. Its skeleton is the
 * 21 landmarks {@link MeshJoints} regresses from the vertices. Its pose is not predicted: rotations
 * identity and scale 1 (no fit), translation the camera-space wrist. Its placement is the camera
 * translation with the reprojection error of the skeleton against the predicted 2D joints, at the
 * focal length {@code fovDegrees} gives across the model input (in image pixels, through the
 * letterbox). Its template is the bundled right template, or its mirror for a left hand, for the
 * faces (MANO's topology, wound outward).
 * <p>
 * Handedness: the model's probability of a right hand when it gives one, else the HandOS normals
 * rule ({@link MeshHandedness}) on the predicted vertices with the right template's faces.
 * Image landmarks: the 2D joints mapped to the image; z the skeleton's depth relative to the wrist
 * in image-width units (MediaPipe's convention). World landmarks: the skeleton centred on the
 * wrist. Presence is the score.
 */
public final class HandMeshTranslator
        implements Translator<HandMeshTranslator.Request, HandMeshTranslator.Request, List<HandRegion>>, AutoCloseable {

    /** One image to search, and the letterbox that maps it to the model. */
    public record Request(RgbImage image, double rotation, float minScore, Letterbox letterbox) {
    }

    private final HandMeshOptions options;
    private final boolean handednessOutput;
    private final HandMeshDecoder decoder;
    private final ModelInputWarp warp;
    private final HandTemplate right;
    private final HandTemplate left;
    private final MeshJoints joints;

    /**
     * @param rightTemplate    the right hand's template in MANO vertex order (faces, joint regression)
     * @param handednessOutput whether the model has the handedness output (output 5)
     */
    public HandMeshTranslator(HandMeshOptions options, HandTemplate rightTemplate, boolean handednessOutput) {
        if (rightTemplate.vertexCount() != HandTemplate.VERTICES) {
            throw new IllegalArgumentException("the template needs " + HandTemplate.VERTICES + " vertices (MANO order), has "
                    + rightTemplate.vertexCount());
        }
        this.options = options;
        this.handednessOutput = handednessOutput;
        this.decoder = new HandMeshDecoder(options);
        this.warp = new ModelInputWarp(options.input());
        this.right = rightTemplate;
        this.left = rightTemplate.mirrored();
        this.joints = new MeshJoints(rightTemplate);
    }

    /** The request for one image. */
    public Request request(RgbImage image, double rotation, float minScore) {
        return new Request(image, rotation, minScore, new Letterbox(image.width(), image.height(), rotation,
                options.input().width(), options.input().height()));
    }

    @Override
    public Request processInput(Request request, float[] modelInput) {
        warp.warp(request.image(), request.letterbox().modelToImageAffine(), modelInput);
        return request;
    }

    @Override
    public List<HandRegion> processOutput(Request request, ModelRuntime outputs) {
        float minScore = Math.max(options.confidence(), request.minScore());
        List<HandMeshDecoder.Candidate> found = decoder.decode(outputs.output(0), outputs.output(1), outputs.output(2),
                outputs.output(3), outputs.output(4), handednessOutput ? outputs.output(5) : null, minScore);
        List<HandRegion> regions = new ArrayList<>(found.size());
        for (HandMeshDecoder.Candidate candidate : found) {
            regions.add(toRegion(candidate, request.letterbox(), request.rotation()));
        }
        return regions;
    }

    /** A decoded candidate as a region of the image carrying its landmarks and mesh. */
    HandRegion toRegion(HandMeshDecoder.Candidate c, Letterbox box, double rotation) {
        long start = System.nanoTime();
        float[] b = c.box();
        double[] bounds = box.normalizedBox(b[0], b[1], b[2], b[3]);
        int width = box.imageWidth();
        int height = box.imageHeight();
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);

        // The model's camera sees the turned image: turn its 3D back about the optical axis.
        float[] predicted = c.vertices();
        float[] local = new float[predicted.length];
        for (int i = 0; i < predicted.length; i += 3) {
            local[i] = (float) (cos * predicted[i] - sin * predicted[i + 1]);
            local[i + 1] = (float) (sin * predicted[i] + cos * predicted[i + 1]);
            local[i + 2] = predicted[i + 2];
        }
        float[] cam = c.camera();
        float[] translation = {(float) (cos * cam[0] - sin * cam[1]), (float) (sin * cam[0] + cos * cam[1]), cam[2]};
        float[] vertices = new float[local.length];
        for (int i = 0; i < local.length; i += 3) {
            vertices[i] = local[i] + translation[0];
            vertices[i + 1] = local[i + 1] + translation[1];
            vertices[i + 2] = local[i + 2] + translation[2];
        }
        float[] localSkeleton = joints.landmarks(local);
        float[] skeleton = new float[localSkeleton.length];
        for (int i = 0; i < skeleton.length; i += 3) {
            skeleton[i] = localSkeleton[i] + translation[0];
            skeleton[i + 1] = localSkeleton[i + 1] + translation[1];
            skeleton[i + 2] = localSkeleton[i + 2] + translation[2];
        }
        int wrist = 3 * HandTopology.WRIST;
        float[] world = new float[skeleton.length];
        for (int i = 0; i < world.length; i += 3) {
            world[i] = skeleton[i] - skeleton[wrist];
            world[i + 1] = skeleton[i + 1] - skeleton[wrist + 1];
            world[i + 2] = skeleton[i + 2] - skeleton[wrist + 2];
        }

        double imageFov = imageFovDegrees(box);
        double focal = CameraPlacement.focalPx(width, imageFov);
        double wristDepth = skeleton[wrist + 2];
        float[] image = new float[3 * HandLandmarks.COUNT];
        for (int l = 0; l < HandLandmarks.COUNT; l++) {
            image[3 * l] = (float) box.normalizedX(c.jointX(l), c.jointY(l));
            image[3 * l + 1] = (float) box.normalizedY(c.jointX(l), c.jointY(l));
            image[3 * l + 2] = wristDepth > 0
                    ? (float) ((skeleton[3 * l + 2] - wristDepth) * focal / (width * wristDepth)) : 0f;
        }

        Handedness handedness = handedness(c);
        HandTemplate template = Handedness.LEFT.equals(handedness.label()) ? left : right;
        CameraPlacement.Placement placement = CameraPlacement.reprojection(localSkeleton, translation, image, width,
                height, imageFov);
        HandPose rest = HandPose.rest();
        HandPose pose = new HandPose(rest.rotations(), 1f,
                new org.joml.Vector3f(skeleton[wrist], skeleton[wrist + 1], skeleton[wrist + 2]));
        float[] wristSigma = WristUncertainty.sigma(placement, PinholeCamera.ofFov(width, height, imageFov),
                WristUncertainty.MODEL_SCALE);
        HandMesh mesh = new HandMesh(vertices, skeleton, pose, placement, wristSigma, GeometricHandedness.estimate(world),
                handedness, template, System.nanoTime() - start);
        RotatedRect crop = new RotatedRect(bounds[0] + bounds[2] / 2, bounds[1] + bounds[3] / 2, bounds[2], bounds[3], 0);
        HandLandmarks landmarks = new HandLandmarks(Landmarks.of(image), Landmarks.of(world), c.score(), handedness,
                crop, mesh);
        return new HandRegion((float) bounds[0], (float) bounds[1], (float) bounds[2], (float) bounds[3], c.score(),
                new float[0], handedness, crop, landmarks);
    }

    /**
     * The horizontal field of view across the image that matches {@code fovDegrees} across the model
     * input: the letterbox scales the image by {@code s}, so the focal length in image pixels is the
     * input's divided by s.
     */
    double imageFovDegrees(Letterbox box) {
        double inputFocal = CameraPlacement.focalPx(options.input().width(), options.fovDegrees());
        double imageFocal = inputFocal / box.scale();
        return Math.toDegrees(2 * Math.atan(box.imageWidth() / 2.0 / imageFocal));
    }

    private Handedness handedness(HandMeshDecoder.Candidate c) {
        if (!Float.isNaN(c.rightProbability())) {
            return Handedness.fromRightProbability(c.rightProbability());
        }
        try {
            return MeshHandedness.of(c.vertices(), right.faces());
        } catch (IllegalArgumentException e) {
            return new Handedness(Handedness.RIGHT, 0.5);   // a flat mesh: undecided
        }
    }

    /** Candidates dropped for NaN or infinite values in the last call. */
    public int droppedNonFinite() {
        return decoder.droppedNonFinite();
    }

    /** Candidates dropped for NaN or infinite values since this translator was made. */
    public long totalDroppedNonFinite() {
        return decoder.totalDroppedNonFinite();
    }

    /** The RGB bytes of the last letterboxed input (what the model saw). */
    public byte[] lastInputBytes() {
        return warp.lastBytes();
    }

    @Override
    public void close() {
        warp.close();
    }
}
