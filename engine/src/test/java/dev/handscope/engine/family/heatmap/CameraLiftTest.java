package dev.handscope.engine.family.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CameraLiftTest {

    @Test
    void recoversCameraSpacePointsFromTheirProjectionsDepthsAndBone() {
        int w = 640;
        int h = 480;
        double fov = 60;
        double f = w / 2.0 / Math.tan(Math.toRadians(fov) / 2);
        int n = 21;
        double[][] truth = new double[n][];
        for (int i = 0; i < n; i++) { // a hand-sized cloud about 0.5 m away, off centre
            truth[i] = new double[] {0.08 + 0.004 * i * Math.cos(i), -0.03 + 0.005 * i * Math.sin(0.7 * i),
                0.5 + 0.002 * i * Math.cos(1.3 * i)};
        }
        float[] image = new float[3 * n];
        double[] depth = new double[n];
        for (int i = 0; i < n; i++) {
            image[3 * i] = (float) ((truth[i][0] / truth[i][2] * f + w / 2.0) / w);
            image[3 * i + 1] = (float) ((truth[i][1] / truth[i][2] * f + h / 2.0) / h);
            depth[i] = truth[i][2] - truth[0][2] + 0.01; // an offset the wrist's own depth takes away
        }
        double bone = Math.sqrt(Math.pow(truth[9][0] - truth[0][0], 2) + Math.pow(truth[9][1] - truth[0][1], 2)
                + Math.pow(truth[9][2] - truth[0][2], 2));
        CameraLift.Result lift = CameraLift.lift(image, depth, w, h, fov, bone);
        assertEquals(truth[0][2], lift.rootDepth(), 1e-4);
        double[] mean = new double[3];
        for (double[] p : truth) {
            for (int c = 0; c < 3; c++) {
                mean[c] += p[c] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(truth[i][c] - mean[c], lift.world()[3 * i + c], 1e-5, "landmark " + i + " axis " + c);
            }
            assertEquals((truth[i][2] - truth[0][2]) * f / truth[0][2] / w, lift.depthZ()[i], 1e-5);
        }
    }
}
