package dev.handscope.engine.signals;

import static dev.handscope.engine.hand.HandTopology.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.result.HandResult;
import org.junit.jupiter.api.Test;

/** Interaction signals on a synthetic flat right hand, palm to the camera, fingers up, whose values are known. */
class InteractionSignalsTest {

    /** World points (metres, y down): wrist below the middle finger, fingers straight up, thumb out to the left. */
    static float[] flatHand() {
        float[] p = new float[63];
        set(p, WRIST, 0, 0.05f, 0);
        float[] knuckleX = {-0.03f, 0, 0.02f, 0.04f};
        int[][] fingers = {FINGERS[1], FINGERS[2], FINGERS[3], FINGERS[4]};
        for (int f = 0; f < 4; f++) {
            for (int j = 0; j < 4; j++) {
                set(p, fingers[f][j], knuckleX[f], -0.04f - 0.025f * j, 0);
            }
        }
        set(p, THUMB_CMC, -0.03f, 0.03f, 0);
        set(p, THUMB_MCP, -0.05f, 0.01f, 0);
        set(p, THUMB_IP, -0.065f, -0.01f, 0);
        set(p, THUMB_TIP, -0.08f, -0.03f, 0);
        return p;
    }

    static void set(float[] p, int point, float x, float y, float z) {
        p[3 * point] = x;
        p[3 * point + 1] = y;
        p[3 * point + 2] = z;
    }

    static HandResult hand(int id, float[] world, float[] image, String side) {
        return new HandResult(id, 0, Landmarks.of(image), Landmarks.of(world), new Handedness(side, 0.9), null, null,
                null, null, null);
    }

    /** Image landmarks: the world points seen by a camera 0.5 m away, shifted by {@code dx} across the image. */
    static float[] image(float[] world, float dx) {
        float[] image = new float[63];
        double f = 640 / 2.0 / Math.tan(Math.toRadians(30));
        for (int i = 0; i < 21; i++) {
            double z = 0.5 + world[3 * i + 2];
            image[3 * i] = (float) (0.5 + dx + f * world[3 * i] / z / 640);
            image[3 * i + 1] = (float) (0.5 + f * world[3 * i + 1] / z / 480);
            image[3 * i + 2] = world[3 * i + 2];
        }
        return image;
    }

    @Test
    void pinchIsOneAtTouchingAndZeroWhenOpenLinearBetween() {
        float[] p = flatHand();
        double size = 0.09; // wrist (0, 0.05) to middle knuckle (0, -0.04)
        assertEquals(0, HandGeometry.pinch(Landmarks.of(p)), 1e-9, "thumb tip 0.086 m from the index tip");
        set(p, THUMB_TIP, -0.03f, (float) (-0.115 + 0.1 * size), 0);
        assertEquals(1, HandGeometry.pinch(Landmarks.of(p)), 1e-6, "0.10 hand sizes apart");
        double halfway = (HandGeometry.PINCH_TOUCH + HandGeometry.PINCH_OPEN) / 2 * size;
        set(p, THUMB_TIP, -0.03f, (float) (-0.115 + halfway), 0);
        assertEquals(0.5, HandGeometry.pinch(Landmarks.of(p)), 1e-5);
    }

    @Test
    void grabIsTheMeanCurlOfTheFourFingers() {
        float[] p = flatHand();
        double flat = HandGeometry.grab(Landmarks.of(p));
        assertEquals(0, HandGeometry.curl(Landmarks.of(p), FINGERS[2]), 1e-9, "the middle finger is straight");
        assertTrue(flat < 0.1, "a flat hand: the knuckles' fan only; got " + flat);
        // Middle finger bent 90 degrees at its middle joint (towards the camera): 90 / 240 of a fist.
        set(p, MIDDLE_DIP, 0, -0.09f, -0.025f);
        set(p, MIDDLE_TIP, 0, -0.09f, -0.05f);
        assertEquals(90.0 / HandGeometry.FULL_CURL_DEGREES, HandGeometry.curl(Landmarks.of(p), FINGERS[2]), 1e-6);
        assertEquals(flat + 90.0 / HandGeometry.FULL_CURL_DEGREES / 4, HandGeometry.grab(Landmarks.of(p)), 1e-6);
    }

    @Test
    void palmCentreNormalAndPointing() {
        Landmarks world = Landmarks.of(flatHand());
        assertArrayEquals(new float[] {0.006f, -0.022f, 0}, HandGeometry.palmCentre(world), 1e-6f);
        assertArrayEquals(new float[] {0, 0, -1}, HandGeometry.palmNormal(world, new Handedness("Right", 1)), 1e-6f,
                "a right palm facing the camera points at it");
        assertArrayEquals(new float[] {0, 0, 1}, HandGeometry.palmNormal(world, new Handedness("Left", 1)), 1e-6f);
        assertArrayEquals(new float[] {0, -1, 0}, HandGeometry.pointing(world), 1e-6f);
    }

    @Test
    void aStillHandHasNoVelocityAndCountsItsTimeVisible() {
        InteractionSignals signals = new InteractionSignals(60);
        float[] world = flatHand();
        HandSignals last = null;
        for (int frame = 0; frame < 10; frame++) {
            last = signals.update(hand(1, world, image(world, 0), "Right"), 640, 480, frame * 100_000_000L);
        }
        assertArrayEquals(new float[3], last.palmVelocity(), 1e-6f);
        assertEquals(0.9, last.visibleSeconds(), 1e-9);
        assertEquals(0.5, last.palmCamera()[2], 0.01, "placed 0.5 m away, as projected");
        assertEquals(0.006, last.palmCamera()[0], 0.002);
        signals.keepOnly(java.util.Set.of());
        assertEquals(0, signals.update(hand(1, world, image(world, 0), "Right"), 640, 480, 2_000_000_000L)
                .visibleSeconds(), "a hand found again starts counting afresh");
    }

    @Test
    void aMovingHandsVelocityConvergesToItsSpeedInMetresPerSecond() {
        InteractionSignals signals = new InteractionSignals(60);
        float[] world = flatHand();
        double f = 640 / 2.0 / Math.tan(Math.toRadians(30));
        double step = 0.002; // image widths per frame at 30 frames/s
        double speed = step * 640 * 0.5 / f * 30; // metres per second across, at 0.5 m (~0.11 m/s)
        HandSignals last = null;
        for (int frame = 0; frame < 60; frame++) {
            last = signals.update(hand(1, world, image(world, (float) (step * frame)), "Right"), 640, 480,
                    Math.round(frame * 1e9 / 30));
        }
        assertEquals(speed, last.palmVelocity()[0], speed * 0.03);
        assertEquals(0, last.palmVelocity()[1], speed * 0.03);
        assertEquals(0, last.palmVelocity()[2], speed * 0.03);
    }
}
