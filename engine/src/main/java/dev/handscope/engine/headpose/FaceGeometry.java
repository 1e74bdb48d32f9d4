package dev.handscope.engine.headpose;

import dev.handscope.engine.hand.Landmarks;
import java.util.Optional;

/**
 * Head pose method (a): MediaPipe's face geometry pipeline (geometry_pipeline.cc), reimplemented in
 * double precision. Screen landmarks are put on the near plane of MediaPipe's perspective camera
 * (origin at the top-left corner), the canonical-to-runtime scale is estimated twice with the
 * weighted Procrustes solver (first on the projected x, y and relative z, then on landmarks
 * unprojected with that scale), the landmarks are unprojected with the product of both scales into
 * metric space (MediaPipe's right-handed frame: x right, y up, z toward the viewer, centimetres),
 * and a last weighted orthogonal Procrustes against the canonical mesh gives the 4x4 face pose
 * transform. That transform is then expressed in HandScope's camera space (see {@link EulerAngles}).
 */
public final class FaceGeometry {
    /** MediaPipe's default environment near plane, centimetres (the result does not depend on it). */
    public static final double NEAR_CM = 1.0;

    private final CanonicalFace face;
    private final int[] ids;
    private final double[] canonical;
    private final double[] weights;

    public FaceGeometry(CanonicalFace face) {
        this.face = face;
        // Only the weighted basis enters any Procrustes solve; zero weights contribute nothing.
        this.ids = face.basisIds();
        this.weights = face.basisWeights();
        this.canonical = new double[ids.length * 3];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(face.positionCm(ids[i]), 0, canonical, i * 3, 3);
        }
    }

    /**
     * MediaPipe's result for one face.
     *
     * @param poseTransform row-major 4x4 from the canonical model (cm) to MediaPipe's metric space
     *                      (cm; x right, y up, z toward the viewer); its 3x3 is scale times rotation
     * @param scale         the scale in that transform (1 for a face of the canonical size)
     * @param pose          the same pose in HandScope's camera space, metres
     */
    public record Estimate(double[] poseTransform, double scale, HeadPose pose) {
        public Estimate {
            poseTransform = poseTransform.clone();
        }

        @Override
        public double[] poseTransform() {
            return poseTransform.clone();
        }
    }

    /** The head pose, or why there is none. */
    public HeadPoseResult headPose(Landmarks landmarks, int width, int height, double horizontalFovDeg) {
        return headPose(landmarks.toArray(), width, height, horizontalFovDeg);
    }

    /** The head pose, or why there is none; landmarks as in {@link Screen}. */
    public HeadPoseResult headPose(float[] landmarks, int width, int height, double horizontalFovDeg) {
        Screen.checkArguments(landmarks, width, height, horizontalFovDeg);
        String why = Screen.unusable(landmarks).orElse(null);
        if (why != null) {
            return HeadPoseResult.refused(why);
        }
        try {
            return HeadPoseResult.of(solveEstimate(landmarks, width, height, horizontalFovDeg).pose());
        } catch (WeightedProcrustes.Degenerate e) {
            return HeadPoseResult.refused("face geometry: " + e.getMessage());
        }
    }

    /**
     * The full estimate (MediaPipe's pose transform and scale with the head pose), or empty where
     * {@link #headPose} would give a reason instead.
     */
    public Optional<Estimate> estimate(float[] landmarks, int width, int height, double horizontalFovDeg) {
        Screen.checkArguments(landmarks, width, height, horizontalFovDeg);
        if (Screen.unusable(landmarks).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(solveEstimate(landmarks, width, height, horizontalFovDeg));
        } catch (WeightedProcrustes.Degenerate e) {
            return Optional.empty();
        }
    }

    private Estimate solveEstimate(float[] landmarks, int width, int height, double horizontalFovDeg)
            throws WeightedProcrustes.Degenerate {
        // PerspectiveCameraFrustum: MediaPipe takes a vertical fov; the width follows from the aspect.
        double widthAtNear = 2 * NEAR_CM * Math.tan(Math.toRadians(horizontalFovDeg) / 2);
        double heightAtNear = widthAtNear * height / width;
        double left = -widthAtNear / 2;
        double bottom = -heightAtNear / 2;

        int n = CanonicalFace.VERTICES;
        double[] screen = new double[n * 3];
        double depthOffset = 0;
        for (int i = 0; i < n; i++) {
            // ProjectXY, origin TOP_LEFT_CORNER: y flipped; z scaled as x.
            screen[i * 3] = landmarks[i * 3] * widthAtNear + left;
            screen[i * 3 + 1] = (1 - landmarks[i * 3 + 1]) * heightAtNear + bottom;
            screen[i * 3 + 2] = landmarks[i * 3 + 2] * widthAtNear;
            depthOffset += screen[i * 3 + 2];
        }
        depthOffset /= n;

        // 1st iteration: the projected x, y with relative z (handedness changed), for a scale only.
        double[] intermediate = screen.clone();
        for (int i = 0; i < n; i++) {
            intermediate[i * 3 + 2] = -intermediate[i * 3 + 2];
        }
        double firstScale = scale(solve(intermediate));

        // 2nd iteration: unproject with the first scale.
        intermediate = unproject(screen, depthOffset, firstScale);
        if (face.inputSource() == CanonicalFace.InputSource.FACE_DETECTION_PIPELINE) {
            rewriteDepth(intermediate, solve(intermediate));
        }
        double secondScale = scale(solve(intermediate));

        double[] metric = unproject(screen, depthOffset, firstScale * secondScale);
        double[] transform = solve(metric);
        if (face.inputSource() == CanonicalFace.InputSource.FACE_DETECTION_PIPELINE) {
            rewriteDepth(metric, transform);
            transform = solve(metric);
        }
        return new Estimate(transform, scale(transform), toCamera(transform));
    }

    private double[] solve(double[] all) throws WeightedProcrustes.Degenerate {
        double[] target = new double[ids.length * 3];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(all, ids[i] * 3, target, i * 3, 3);
        }
        return WeightedProcrustes.solve(canonical, target, weights);
    }

    private void rewriteDepth(double[] all, double[] transform) {
        // Face detection input has no depth: take z from the posed canonical mesh (basis only matters).
        for (int i = 0; i < ids.length; i++) {
            double[] p = face.positionCm(ids[i]);
            all[ids[i] * 3 + 2] = transform[8] * p[0] + transform[9] * p[1] + transform[10] * p[2] + transform[11];
        }
    }

    /** MoveAndRescaleZ, UnprojectXY and ChangeHandedness. */
    private static double[] unproject(double[] screen, double depthOffset, double scale) {
        double[] out = new double[screen.length];
        for (int i = 0; i < screen.length / 3; i++) {
            double z = (screen[i * 3 + 2] - depthOffset + NEAR_CM) / scale;
            out[i * 3] = screen[i * 3] * z / NEAR_CM;
            out[i * 3 + 1] = screen[i * 3 + 1] * z / NEAR_CM;
            out[i * 3 + 2] = -z;
        }
        return out;
    }

    /** The norm of the transform's first column (MediaPipe's EstimateScale). */
    private static double scale(double[] m) {
        return Math.sqrt(m[0] * m[0] + m[4] * m[4] + m[8] * m[8]);
    }

    /**
     * MediaPipe's transform in HandScope's terms: with F = diag(1, -1, -1) (y up, z toward the
     * viewer -> y down, z forward, for the camera and the model alike), R = F (M / s) F and
     * t = F M_t / 100 metres.
     */
    static HeadPose toCamera(double[] m) {
        double s = scale(m);
        double[] f = {1, -1, -1};
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i * 3 + j] = f[i] * m[i * 4 + j] / s * f[j];
            }
        }
        double[] t = {m[3] / 100, -m[7] / 100, -m[11] / 100};
        return EulerAngles.headPose(r, t);
    }
}
