package dev.handscope.engine.calibration;

import static org.bytedeco.opencv.global.opencv_calib3d.undistortPoints;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC2;

import dev.handscope.engine.mesh.CameraModel;
import dev.handscope.engine.mesh.PinholeCamera;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A calibrated camera: the pinhole (focal lengths, principal point) and OpenCV's lens distortion
 * (k1, k2, p1, p2, k3) at the resolution it was calibrated at. Images of another size of the same
 * camera (the same field of view, scaled) use it scaled; landmarks are undistorted before 3D.
 *
 * @param width      calibrated image width, pixels
 * @param height     calibrated image height, pixels
 * @param fx         focal length along x, pixels
 * @param fy         focal length along y, pixels
 * @param cx         principal point x, pixels
 * @param cy         principal point y, pixels
 * @param distortion k1, k2, p1, p2, k3
 * @param rmsPx      RMS reprojection error of the calibration, pixels
 * @param views      board views it was solved from
 */
public record CameraCalibration(int width, int height, double fx, double fy, double cx, double cy,
                                double[] distortion, double rmsPx, int views) implements CameraModel {

    public CameraCalibration {
        if (distortion.length != 5) {
            throw new IllegalArgumentException("distortion is k1, k2, p1, p2, k3: 5 numbers, got " + distortion.length);
        }
        distortion = distortion.clone();
    }

    @Override
    public double[] distortion() {
        return distortion.clone();
    }

    @Override
    public PinholeCamera pinhole(int imageWidth, int imageHeight) {
        double sx = (double) imageWidth / width;
        double sy = (double) imageHeight / height;
        return new PinholeCamera(fx * sx, fy * sy, cx * sx, cy * sy);
    }

    /** Undistorts at the calibrated resolution (normalised coordinates are the same at any size). */
    @Override
    public float[] undistort(float[] landmarks, int imageWidth, int imageHeight) {
        int n = landmarks.length / 3;
        float[] out = landmarks.clone();
        try (Mat points = new Mat(n, 1, CV_64FC2);
             Mat ideal = new Mat();
             Mat camera = cameraMatrix();
             Mat coefficients = distortionMatrix();
             Mat noRectification = new Mat()) {
            try (DoubleIndexer in = points.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    in.put(i, 0, 0, landmarks[3 * i] * width);
                    in.put(i, 0, 1, landmarks[3 * i + 1] * height);
                }
            }
            undistortPoints(points, ideal, camera, coefficients, noRectification, camera);
            try (DoubleIndexer result = ideal.createIndexer()) {
                for (int i = 0; i < n; i++) {
                    out[3 * i] = (float) (result.get(i, 0, 0) / width);
                    out[3 * i + 1] = (float) (result.get(i, 0, 1) / height);
                }
            }
        }
        return out;
    }

    /** The 3 x 3 camera matrix (the caller closes it). */
    public Mat cameraMatrix() {
        Mat k = new Mat(3, 3, CV_64FC1);
        try (DoubleIndexer at = k.createIndexer()) {
            double[] values = {fx, 0, cx, 0, fy, cy, 0, 0, 1};
            for (int i = 0; i < 9; i++) {
                at.put(i / 3, i % 3, values[i]);
            }
        }
        return k;
    }

    /** The 1 x 5 distortion coefficients (the caller closes it). */
    public Mat distortionMatrix() {
        Mat d = new Mat(1, 5, CV_64FC1);
        try (DoubleIndexer at = d.createIndexer()) {
            for (int i = 0; i < 5; i++) {
                at.put(0, i, distortion[i]);
            }
        }
        return d;
    }
}
