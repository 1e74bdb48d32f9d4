package dev.handscope.engine.face;

import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.tracking.HandRects;

/**
 * Where the face landmark model should look, with MediaPipe's constants (face_detection_front_
 * detection_to_roi and face_landmark_landmarks_to_roi / the tasks' face landmarks detector graph):
 * the box of a detection or the bounds of last frame's landmarks, turned so the eye line is level
 * (target angle 0), squared on its long side and scaled 1.5, not shifted.
 */
public final class FaceCrop {
    /** RectTransformation scale_x = scale_y. */
    public static final double SCALE = 1.5;
    /** Landmark at the outer corner of the person's right eye (image left when unmirrored). */
    public static final int RIGHT_EYE_OUTER = 33;
    /** Landmark at the outer corner of the person's left eye. */
    public static final int LEFT_EYE_OUTER = 263;

    private FaceCrop() {
    }

    /** Detection -> first crop: rotation from the right eye (keypoint 0) to the left eye (1). */
    public static RotatedRect of(FaceDetection face, int width, int height) {
        double rotation = rotation(face.keypointX(FaceDetection.RIGHT_EYE) * width,
                face.keypointY(FaceDetection.RIGHT_EYE) * height, face.keypointX(FaceDetection.LEFT_EYE) * width,
                face.keypointY(FaceDetection.LEFT_EYE) * height);
        RotatedRect box = new RotatedRect(face.centerX(), face.centerY(), face.width(), face.height(), rotation);
        return HandRects.transform(box, width, height, SCALE, 0, 0);
    }

    /**
     * Landmarks (image-normalised x, y, z triples) -> next frame's crop: the axis-aligned bounds of
     * all landmarks (LandmarksToDetection), rotation from landmark 33 to 263.
     */
    public static RotatedRect fromLandmarks(float[] landmarks, int width, int height) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < landmarks.length; i += 3) {
            minX = Math.min(minX, landmarks[i]);
            maxX = Math.max(maxX, landmarks[i]);
            minY = Math.min(minY, landmarks[i + 1]);
            maxY = Math.max(maxY, landmarks[i + 1]);
        }
        double rotation = rotation(landmarks[3 * RIGHT_EYE_OUTER] * width, landmarks[3 * RIGHT_EYE_OUTER + 1] * height,
                landmarks[3 * LEFT_EYE_OUTER] * width, landmarks[3 * LEFT_EYE_OUTER + 1] * height);
        RotatedRect box = new RotatedRect((minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY, rotation);
        return HandRects.transform(box, width, height, SCALE, 0, 0);
    }

    /** The crop rotation that levels the line (x0, y0) -> (x1, y1) (image pixels): target angle 0. */
    public static double rotation(double x0, double y0, double x1, double y1) {
        return HandRects.normalizeRadians(-Math.atan2(-(y1 - y0), x1 - x0));
    }
}
