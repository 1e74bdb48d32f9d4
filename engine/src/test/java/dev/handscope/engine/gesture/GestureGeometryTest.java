package dev.handscope.engine.gesture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.landmarks.Goldens;
import org.junit.jupiter.api.Test;

/** Finger extension and curl on landmark sets derived from MediaPipe's golden (an open left hand). */
class GestureGeometryTest {

    /** The golden's 21 points in pixels (z = 0). */
    private static float[] openHand() throws Exception {
        float[] xy = Goldens.landmarks("expected_left_up_hand_landmarks.prototxt");
        float[] p = new float[63];
        for (int i = 0; i < 21; i++) {
            p[3 * i] = xy[2 * i] * 720;
            p[3 * i + 1] = xy[2 * i + 1] * 382;
        }
        return p;
    }

    /** Folds a finger at its base and middle joints by 90 degrees each, toward the palm (out of the image plane). */
    private static void fold(float[] p, int base) {
        for (int k = 1; k <= 3; k++) {
            int joint = base + k;
            float length = (float) FingerStates.distance(p, joint - 1, joint);
            // Each bone after the base points into the palm (+z), then back toward the wrist.
            p[3 * joint] = p[3 * (joint - 1)];
            p[3 * joint + 1] = p[3 * (joint - 1) + 1] + (k == 3 ? length : 0);
            p[3 * joint + 2] = p[3 * (joint - 1) + 2] + (k == 3 ? 0 : length);
        }
    }

    @Test
    void openHandHasEveryFingerStraight() throws Exception {
        FingerStates states = FingerStates.of(openHand());
        for (double s : new double[] {states.index(), states.middle(), states.ring(), states.pinky()}) {
            assertTrue(s >= 0.45, "straight finger: " + states);
        }
    }

    @Test
    void foldedFingersReadAsCurledAndMakeTheirGestures() throws Exception {
        float[] victory = openHand();
        fold(victory, 13);
        fold(victory, 17);
        FingerStates states = FingerStates.of(victory);
        assertTrue(states.ring() <= 0.3 && states.pinky() <= 0.3, states.toString());
        assertTrue(states.index() >= 0.45 && states.middle() >= 0.45, states.toString());
        float[] rock = openHand();
        fold(rock, 9);
        fold(rock, 13);
        assertEquals("victory", classify(victory));
        assertEquals("rock", classify(rock));
    }

    @Test
    void thumbTipOnTheIndexTipIsOkButBesideItsLastJointIsNot() throws Exception {
        float[] ok = openHand();
        moveThumbTipBeside(ok, 8);
        assertEquals("ok", classify(ok));
        // Fingers together, the thumb folded under them (woman_hands.jpg's raised hand): tips close, no circle.
        float[] tucked = openHand();
        moveThumbTipBeside(tucked, 7);
        assertTrue(FingerStates.of(tucked).pinchDistance() < 0.35, FingerStates.of(tucked).toString());
        String gesture = classify(tucked);
        assertTrue(!gesture.equals("ok") && !gesture.equals("pinch"), gesture);
    }

    private static void moveThumbTipBeside(float[] p, int joint) {
        p[12] = p[3 * joint] + 3;
        p[13] = p[3 * joint + 1];
        p[14] = p[3 * joint + 2];
    }

    /** The golden's pixels as image landmarks (normalised) beside the same points as world landmarks. */
    private static String classify(float[] pixels) {
        float[] image = new float[63];
        for (int i = 0; i < 63; i += 3) {
            image[i] = pixels[i] / 720;
            image[i + 1] = pixels[i + 1] / 382;
        }
        return GestureClassifier.classify(image, pixels, 720, 382).name();
    }

    @Test
    void labelsHoldAgainstSingleFrameFlicker() {
        GestureSmoother smoother = new GestureSmoother();
        assertEquals("fist", smoother.update(new Gesture("fist", 0.9, -1)).name());
        assertEquals("fist", smoother.update(new Gesture("open_palm", 0.9, -1)).name(), "one odd frame changes nothing");
        assertEquals("fist", smoother.update(new Gesture("fist", 0.9, -1)).name());
        smoother.update(new Gesture("open_palm", 0.9, -1));
        smoother.update(new Gesture("open_palm", 0.9, -1));
        assertEquals("open_palm", smoother.update(new Gesture("open_palm", 0.9, -1)).name(), "three in a row switch");
    }
}
