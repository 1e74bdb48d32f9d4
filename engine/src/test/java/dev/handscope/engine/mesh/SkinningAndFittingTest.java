package dev.handscope.engine.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.joml.Quaternionf;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class SkinningAndFittingTest {
    private static final HandTemplate TEMPLATE = HandTemplateGenerator.generate();

    @Test
    void restPoseReproducesTheTemplate() {
        float[] out = new Skinning(TEMPLATE).pose(HandPose.rest()).skin(new float[778 * 3]);
        for (int i = 0; i < out.length; i++) {
            assertEquals(TEMPLATE.vertices()[i], out[i], 1e-6);
        }
    }

    @Test
    void turningOneJointMovesOnlyItsDescendants() {
        HandPose pose = HandPose.rest();
        int joint = 2; // index PIP
        pose.rotations()[joint].rotateX((float) Math.toRadians(70));
        float[] out = new Skinning(TEMPLATE).pose(pose).skin(new float[778 * 3]);
        Set<Integer> moved = new HashSet<>(Set.of(2, 3));
        int movedCount = 0;
        for (int v = 0; v < TEMPLATE.vertexCount(); v++) {
            double share = 0;
            for (int j : moved) {
                share += TEMPLATE.weight(v, j);
            }
            double distance = Math.sqrt(Math.pow(out[3 * v] - TEMPLATE.vertices()[3 * v], 2)
                    + Math.pow(out[3 * v + 1] - TEMPLATE.vertices()[3 * v + 1], 2)
                    + Math.pow(out[3 * v + 2] - TEMPLATE.vertices()[3 * v + 2], 2));
            if (share == 0) {
                assertEquals(0, distance, 1e-7, "vertex " + v + " does not follow the index PIP");
            } else {
                assertTrue(distance > 0, "vertex " + v + " follows the index PIP");
                movedCount++;
            }
        }
        assertTrue(movedCount > 30, movedCount + " vertices on the index's two outer bones");
    }

    /**
     * Landmarks made from known rotations (a global turn, a scale, and bends of every finger bone
     * about axes across the bone) come back within 1 degree.
     */
    @Test
    void inverseKinematicsRecoversKnownRotations() {
        Random random = new Random(7);
        MeshFitter fitter = new MeshFitter(TEMPLATE);
        float[] rest = fitter.restPoints();
        for (int trial = 0; trial < 20; trial++) {
            HandPose truth = HandPose.rest();
            truth.rotations()[0].rotateXYZ(random.nextFloat() * 6, random.nextFloat() * 6, random.nextFloat() * 6);
            for (int[] finger : HandSkeleton.FINGERS) {
                for (int k = 0; k < 3; k++) {
                    int joint = finger[k];
                    int from = HandSkeleton.LANDMARK_OF_JOINT[joint];
                    int to = k < 2 ? HandSkeleton.LANDMARK_OF_JOINT[finger[k + 1]] : tipOf(finger);
                    Vector3f bone = new Vector3f(rest[3 * to] - rest[3 * from], rest[3 * to + 1] - rest[3 * from + 1],
                            rest[3 * to + 2] - rest[3 * from + 2]).normalize();
                    Vector3f axis = new Vector3f(random.nextFloat() - 0.5f, random.nextFloat() - 0.5f,
                            random.nextFloat() - 0.5f).cross(bone).normalize();
                    truth.rotations()[joint].rotateAxis((float) Math.toRadians(random.nextInt(120) - 30), axis);
                }
            }
            HandPose posed = new HandPose(truth.rotations(), 1.3f, new Vector3f(0.01f, -0.02f, 0.5f));
            Skinning skinning = new Skinning(TEMPLATE).pose(posed);
            float[] landmarks = fitter.posedPoints(skinning, new float[63]);

            HandPose fitted = fitter.fit(landmarks, HandPose.rest());
            assertEquals(1.3, fitted.scale(), 1e-4);
            for (int j = 0; j < HandSkeleton.JOINTS; j++) {
                double angle = Math.toDegrees(angle(truth.rotations()[j], fitted.rotations()[j]));
                assertTrue(angle < 1, "trial " + trial + " joint " + j + " off by " + angle + " degrees");
            }
            float[] again = fitter.posedPoints(new Skinning(TEMPLATE).pose(fitted), new float[63]);
            for (int i = 0; i < 63; i++) {
                assertEquals(landmarks[i], again[i], 1e-4);
            }
        }
    }

    private static int tipOf(int[] finger) {
        for (int t = 0; t < 5; t++) {
            if (HandSkeleton.FINGERS[t] == finger) {
                return HandSkeleton.TIP_LANDMARKS[t];
            }
        }
        throw new IllegalArgumentException();
    }

    private static double angle(Quaternionf a, Quaternionf b) {
        double dot = Math.abs(a.x * b.x + a.y * b.y + a.z * b.z + a.w * b.w);
        return 2 * Math.acos(Math.min(1, dot));
    }

    @Test
    void cameraPlacementProjectsPointsBackOntoTheirPixels() {
        float[] points = new MeshFitter(TEMPLATE).restPoints();
        float[] truth = {0.03f, -0.01f, 0.45f};
        float[] image = new float[63];
        double f = CameraPlacement.focalPx(640, 60);
        for (int i = 0; i < 21; i++) {
            double z = points[3 * i + 2] + truth[2];
            image[3 * i] = (float) ((320 + f * (points[3 * i] + truth[0]) / z) / 640);
            image[3 * i + 1] = (float) ((240 + f * (points[3 * i + 1] + truth[1]) / z) / 480);
        }
        CameraPlacement.Placement placement = CameraPlacement.solve(points, image, 640, 480, 60);
        for (int k = 0; k < 3; k++) {
            assertEquals(truth[k], placement.translation()[k], 1e-4);
        }
        assertTrue(placement.maxErrorPx() < 0.01);
    }
}
