package dev.handscope.engine.headpose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both methods against fake landmarks of the canonical face at known poses ({@link SyntheticFace}).
 * The data are exact up to float rounding, and so must the recovery be: yaw, pitch, roll and the
 * rotation between estimate and truth within {@value #EXACT_DEG} degrees, translation within
 * {@value #EXACT_MM} mm, for both methods (MediaPipe's two scale iterations are exact when z is the
 * depth relative to the mean depth, as here). Image rotation (roll + alpha, yaw and pitch kept),
 * mirroring (yaw and roll negated) and agreement between the methods are held to the same
 * {@value #EXACT_DEG} degrees; 0.5 px noise to {@value #NOISY_DEG} degrees.
 */
class HeadPoseMethodsTest {
    static final double EXACT_DEG = 0.01;
    static final double EXACT_MM = 0.1;
    static final double NOISY_DEG = 2;
    static final double Z_SCALE_DEG = 6;
    static final int W = 1280;
    static final int H = 720;
    static final double FOV = 60;

    /** yaw, pitch, roll (degrees), tx, ty, tz (metres). */
    static final double[][] POSES = {
        {0, 0, 0, 0, 0, 0.5},
        {20, -10, 5, 0.05, -0.03, 0.6},
        {-35, 15, -20, -0.08, 0.04, 0.45},
        {10, 25, 30, 0, 0.1, 0.8},
        {45, 0, 0, 0.02, 0, 0.5},
        {-5, -30, 60, -0.1, -0.05, 1.2},
        {30, 20, -45, 0.15, 0.08, 0.35},
    };

    static CanonicalFace face;
    static FaceGeometry geometry;
    static PnpHeadPose pnp;

    @BeforeAll
    static void load() throws Exception {
        face = CanonicalFace.bundled();
        geometry = new FaceGeometry(face);
        pnp = new PnpHeadPose(face);
    }

    static float[] landmarks(double[] p) {
        return SyntheticFace.project(face, p[0], p[1], p[2], new double[] {p[3], p[4], p[5]}, W, H, FOV);
    }

    static HeadPose solve(boolean useGeometry, float[] lm) {
        HeadPoseResult r = useGeometry ? geometry.headPose(lm, W, H, FOV) : pnp.headPose(lm, W, H, FOV);
        assertTrue(r.present(), () -> "no pose: " + r.reason());
        return r.pose();
    }

    static double[] errors(HeadPose got, double[] p) {
        HeadPose truth = EulerAngles.headPose(EulerAngles.matrix(p[0], p[1], p[2]), new double[] {p[3], p[4], p[5]});
        double[] t = got.translation();
        return new double[] {
            Math.abs(got.yaw() - p[0]), Math.abs(got.pitch() - p[1]), Math.abs(got.roll() - p[2]),
            EulerAngles.angleBetween(got, truth),
            1000 * Math.hypot(Math.hypot(t[0] - p[3], t[1] - p[4]), t[2] - p[5]),
        };
    }

    void recovers(boolean useGeometry) {
        double[] worst = new double[5];
        for (double[] p : POSES) {
            double[] e = errors(solve(useGeometry, landmarks(p)), p);
            for (int k = 0; k < 3; k++) {
                assertTrue(e[k] < EXACT_DEG, () -> String.format(Locale.ROOT, "%s %s: errors %s", useGeometry ? "geometry"
                        : "pnp", Arrays.toString(p), Arrays.toString(e)));
            }
            assertTrue(e[3] < EXACT_DEG, Arrays.toString(e));
            assertTrue(e[4] < EXACT_MM, () -> Arrays.toString(p) + " translation error mm " + e[4]);
            for (int k = 0; k < 5; k++) {
                worst[k] = Math.max(worst[k], e[k]);
            }
        }
        System.out.printf(Locale.ROOT, "%s worst error: yaw %.2e pitch %.2e roll %.2e deg, rotation %.2e deg,"
                + " translation %.2e mm%n", useGeometry ? "FaceGeometry" : "PnpHeadPose", worst[0], worst[1], worst[2],
                worst[3], worst[4]);
    }

    @Test
    void faceGeometryRecoversKnownPoses() {
        recovers(true);
    }

    @Test
    void pnpRecoversKnownPoses() {
        recovers(false);
    }

    @Test
    void theTwoMethodsAgree() {
        double worst = 0;
        for (double[] p : POSES) {
            float[] lm = landmarks(p);
            double d = EulerAngles.angleBetween(solve(true, lm), solve(false, lm));
            assertTrue(d < EXACT_DEG, Arrays.toString(p) + " methods differ by " + d);
            worst = Math.max(worst, d);
        }
        System.out.printf(Locale.ROOT, "geometry vs pnp: worst rotation difference %.2e deg%n", worst);
    }

    @Test
    void rotatingTheImageChangesRollByThatAngle() {
        double[] worst = new double[2];
        for (double alpha : new double[] {25, -40, 90}) {
            for (double[] p : POSES) {
                float[] turned = SyntheticFace.rotateImage(landmarks(p), alpha, W, H);
                for (boolean g : new boolean[] {true, false}) {
                    HeadPose before = solve(g, landmarks(p));
                    HeadPose after = solve(g, turned);
                    String what = (g ? "geometry " : "pnp ") + alpha + " " + Arrays.toString(p);
                    assertEquals(0, wrap(after.roll() - before.roll() - alpha), EXACT_DEG, what);
                    assertEquals(before.yaw(), after.yaw(), EXACT_DEG, what);
                    assertEquals(before.pitch(), after.pitch(), EXACT_DEG, what);
                    double e = Math.max(Math.abs(wrap(after.roll() - before.roll() - alpha)), Math.max(
                            Math.abs(after.yaw() - before.yaw()), Math.abs(after.pitch() - before.pitch())));
                    worst[g ? 0 : 1] = Math.max(worst[g ? 0 : 1], e);
                }
            }
        }
        System.out.printf(Locale.ROOT, "image rotation: worst angle error geometry %.2e deg, pnp %.2e deg%n",
                worst[0], worst[1]);
    }

    @Test
    void mirroringNegatesYawAndRoll() {
        double[] asymmetry = new double[1];
        int[] mirror = SyntheticFace.symmetry(face, asymmetry);
        assertTrue(asymmetry[0] < 0.05, "canonical face asymmetry " + asymmetry[0] + " cm");
        double[] worst = new double[2];
        for (double[] p : POSES) {
            float[] mirrored = SyntheticFace.mirror(landmarks(p), mirror);
            for (boolean g : new boolean[] {true, false}) {
                HeadPose pose = solve(g, mirrored);
                String what = (g ? "geometry " : "pnp ") + Arrays.toString(p);
                assertEquals(-p[0], pose.yaw(), EXACT_DEG, what);
                assertEquals(p[1], pose.pitch(), EXACT_DEG, what);
                assertEquals(-p[2], pose.roll(), EXACT_DEG, what);
                assertEquals(-p[3], pose.translation()[0], 1e-3, what);
                double e = Math.max(Math.abs(pose.yaw() + p[0]), Math.max(Math.abs(pose.pitch() - p[1]),
                        Math.abs(pose.roll() + p[2])));
                worst[g ? 0 : 1] = Math.max(worst[g ? 0 : 1], e);
            }
        }
        System.out.printf(Locale.ROOT, "mirror (canonical asymmetry %.2e cm): worst angle error geometry %.2e deg,"
                + " pnp %.2e deg%n", asymmetry[0], worst[0], worst[1]);
    }

    @Test
    void degenerateLandmarksAreRefusedWithAReason() {
        float[] same = new float[CanonicalFace.VERTICES * 3];
        Arrays.fill(same, 0.5f);
        float[] nan = landmarks(POSES[1]);
        nan[100 * 3 + 1] = Float.NaN;
        float[] inf = landmarks(POSES[2]);
        inf[5] = Float.POSITIVE_INFINITY;
        for (float[] lm : new float[][] {same, nan, inf}) {
            for (HeadPoseResult r : new HeadPoseResult[] {geometry.headPose(lm, W, H, FOV), pnp.headPose(lm, W, H, FOV)}) {
                assertFalse(r.present());
                assertNotNull(r.reason());
            }
        }
        assertTrue(geometry.headPose(same, W, H, FOV).reason().contains("compact"));
        assertTrue(pnp.headPose(nan, W, H, FOV).reason().contains("landmark 100"));
        assertThrows(IllegalArgumentException.class, () -> geometry.headPose(new float[30], W, H, FOV));
        assertThrows(IllegalArgumentException.class, () -> pnp.headPose(landmarks(POSES[0]), 0, H, FOV));
        assertThrows(IllegalArgumentException.class, () -> pnp.headPose(landmarks(POSES[0]), W, H, 180));
    }

    @Test
    void theFieldOfViewMatters() {
        // The same landmarks read with a wrong camera give a different distance: the camera is used.
        float[] lm = landmarks(POSES[1]);
        double right = solve(false, lm).translation()[2];
        double wrong = pnp.headPose(lm, W, H, 90).pose().translation()[2];
        assertTrue(Math.abs(right - wrong) > 0.1, right + " vs " + wrong);
    }

    @Test
    void pixelNoiseMovesThePoseLittle() {
        // 0.5 px Gaussian noise on x and y (and as much on z): a sanity bound, not the exact case.
        java.util.Random random = new java.util.Random(16);
        double[] worst = new double[3];
        for (double[] p : POSES) {
            float[] lm = landmarks(p);
            for (int i = 0; i < CanonicalFace.VERTICES; i++) {
                lm[i * 3] += (float) (0.5 * random.nextGaussian() / W);
                lm[i * 3 + 1] += (float) (0.5 * random.nextGaussian() / H);
                lm[i * 3 + 2] += (float) (0.5 * random.nextGaussian() / W);
            }
            HeadPose g = solve(true, lm);
            HeadPose n = solve(false, lm);
            worst[0] = Math.max(worst[0], errors(g, p)[3]);
            worst[1] = Math.max(worst[1], errors(n, p)[3]);
            worst[2] = Math.max(worst[2], EulerAngles.angleBetween(g, n));
        }
        System.out.printf(Locale.ROOT, "0.5 px noise: worst rotation error geometry %.3f deg, pnp %.3f deg,"
                + " between them %.3f deg%n", worst[0], worst[1], worst[2]);
        for (double w : worst) {
            assertTrue(w < NOISY_DEG, Arrays.toString(worst));
        }
    }

    @Test
    void zOnADifferentScaleMovesFaceGeometryButNotPnp() {
        // A landmark model's z need not be exactly at x's scale; PnP ignores z, the pipeline uses it.
        double[] worst = new double[4];
        for (double zScale : new double[] {0.8, 1.25}) {
            for (double[] p : POSES) {
                float[] lm = landmarks(p);
                for (int i = 0; i < CanonicalFace.VERTICES; i++) {
                    lm[i * 3 + 2] *= (float) zScale;
                }
                double[] g = errors(solve(true, lm), p);
                double[] n = errors(solve(false, lm), p);
                assertTrue(n[3] < EXACT_DEG && n[4] < EXACT_MM, Arrays.toString(n));
                worst[0] = Math.max(worst[0], g[3]);
                worst[1] = Math.max(worst[1], g[4]);
                worst[2] = Math.max(worst[2], n[3]);
            }
        }
        System.out.printf(Locale.ROOT, "z scaled 0.8x / 1.25x: geometry worst rotation %.3f deg, translation %.2f mm;"
                + " pnp %.2e deg%n", worst[0], worst[1], worst[2]);
        assertTrue(worst[0] > EXACT_DEG, "the pipeline should feel z: " + worst[0]);
        assertTrue(worst[0] < Z_SCALE_DEG, "geometry rotation error " + worst[0]);
    }

    @Test
    void mediaPipesTransformIsInItsOwnFrameAndCentimetres() {
        double[] p = POSES[1];
        FaceGeometry.Estimate e = geometry.estimate(landmarks(p), W, H, FOV).orElseThrow();
        assertEquals(1, e.scale(), 1e-5);   // the canonical face at its own size
        double[] m = e.poseTransform();
        // MediaPipe's metric frame: x right, y up, z toward the viewer; centimetres.
        assertEquals(100 * p[3], m[3], 0.01);
        assertEquals(-100 * p[4], m[7], 0.01);
        assertEquals(-100 * p[5], m[11], 0.01);
        assertEquals(1, m[15], 0);
        float[] same = new float[CanonicalFace.VERTICES * 3];
        assertTrue(geometry.estimate(same, W, H, FOV).isEmpty());
    }

    @Test
    void irisLandmarksAfterThe468AreIgnored() {
        float[] lm = landmarks(POSES[2]);
        float[] with = Arrays.copyOf(lm, 478 * 3);
        Arrays.fill(with, 468 * 3, with.length, 0.9f);
        assertEquals(0, EulerAngles.angleBetween(solve(true, lm), solve(true, with)), 1e-9);
        assertEquals(0, EulerAngles.angleBetween(solve(false, lm), solve(false, with)), 1e-9);
    }

    static double wrap(double deg) {
        return ((deg + 180) % 360 + 360) % 360 - 180;
    }
}
