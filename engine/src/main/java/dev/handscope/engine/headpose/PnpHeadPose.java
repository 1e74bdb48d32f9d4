package dev.handscope.engine.headpose;

import dev.handscope.engine.hand.Landmarks;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Head pose method (b), the cross-check: OpenCV's solvePnP (SOLVEPNP_ITERATIVE: a DLT start, then
 * Levenberg-Marquardt on the reprojection error) of chosen image landmarks against the canonical
 * face's vertices in the head frame (metres), with the camera of {@link Screen} (square pixels,
 * principal point at the image centre, focal length from the horizontal field of view, no
 * distortion). The landmark z is not used. By default the landmarks are the Procrustes basis of
 * the metadata (the points MediaPipe judges rigid under expressions).
 */
public final class PnpHeadPose {
    private final int[] ids;
    private final double[] model;

    /** Uses the face's Procrustes basis landmarks. */
    public PnpHeadPose(CanonicalFace face) {
        this(face, face.basisIds());
    }

    /** Uses the given landmark ids (at least 6, for the DLT start on a non-planar set). */
    public PnpHeadPose(CanonicalFace face, int[] landmarkIds) {
        if (landmarkIds.length < 6) {
            throw new IllegalArgumentException("solvePnP (iterative) needs at least 6 landmarks, got "
                    + landmarkIds.length);
        }
        this.ids = landmarkIds.clone();
        this.model = new double[ids.length * 3];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= CanonicalFace.VERTICES) {
                throw new IllegalArgumentException("landmark id " + ids[i] + " is not a face vertex");
            }
            System.arraycopy(face.headFrameMetres(ids[i]), 0, model, i * 3, 3);
        }
    }

    /** The landmark ids used. */
    public int[] landmarkIds() {
        return ids.clone();
    }

    /** The camera matrix (row-major 3x3, pixels) for an image size and horizontal field of view. */
    public static double[] cameraMatrix(int width, int height, double horizontalFovDeg) {
        double f = Screen.focalPixels(width, horizontalFovDeg);
        return new double[] {f, 0, width / 2.0, 0, f, height / 2.0, 0, 0, 1};
    }

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
        int n = ids.length;
        double[] k = cameraMatrix(width, height, horizontalFovDeg);
        try (Mat object = new Mat(n, 1, opencv_core.CV_64FC3);
             Mat image = new Mat(n, 1, opencv_core.CV_64FC2);
             Mat camera = new Mat(3, 3, opencv_core.CV_64F);
             Mat distortion = new Mat();   // empty: no distortion
             Mat rvec = new Mat();
             Mat tvec = new Mat();
             Mat rotation = new Mat()) {
            try (DoubleIndexer o = object.createIndexer(); DoubleIndexer p = image.createIndexer();
                 DoubleIndexer c = camera.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 3; j++) {
                        o.put(i, 0, j, model[i * 3 + j]);
                    }
                    p.put(i, 0, 0, landmarks[ids[i] * 3] * (double) width);
                    p.put(i, 0, 1, landmarks[ids[i] * 3 + 1] * (double) height);
                }
                for (int r = 0; r < 3; r++) {
                    for (int col = 0; col < 3; col++) {
                        c.put(r, col, k[r * 3 + col]);
                    }
                }
            }
            boolean solved;
            try {
                solved = opencv_calib3d.solvePnP(object, image, camera, distortion, rvec, tvec, false,
                        opencv_calib3d.SOLVEPNP_ITERATIVE);
            } catch (RuntimeException e) {
                return HeadPoseResult.refused("solvePnP failed: " + e.getMessage());
            }
            if (!solved) {
                return HeadPoseResult.refused("solvePnP found no pose");
            }
            opencv_calib3d.Rodrigues(rvec, rotation);
            double[] r = new double[9];
            double[] t = new double[3];
            try (DoubleIndexer ri = rotation.createIndexer(); DoubleIndexer ti = tvec.createIndexer()) {
                for (int i = 0; i < 9; i++) {
                    r[i] = ri.get(i / 3, i % 3);
                }
                for (int i = 0; i < 3; i++) {
                    t[i] = ti.get(i, 0);
                }
            }
            for (double v : r) {
                if (!Double.isFinite(v)) {
                    return HeadPoseResult.refused("solvePnP gave a non-finite rotation");
                }
            }
            if (!(Double.isFinite(t[0]) && Double.isFinite(t[1]) && t[2] > 0)) {
                return HeadPoseResult.refused("solvePnP put the face behind the camera or at infinity");
            }
            return HeadPoseResult.of(EulerAngles.headPose(r, t));
        }
    }
}
