package dev.handscope.engine.gesture;

import dev.handscope.engine.hand.HandTopology;

/**
 * The built-in static gestures from one hand's landmarks. Finger bends come from the 3D (world)
 * landmarks, so size, rotation and left/right do not matter; only "up" and "down" (thumbs up,
 * pointing up) look at the image. Rules, in order: a thumb-index pinch, tip to tip (ok when the
 * other three fingers are out); all four fingers out (open palm with the thumb, else four); all four folded
 * (thumbs up / down by the thumb's direction, fist with the thumb in, else none); then victory,
 * pointing up, call and rock by which fingers are out.
 */
public final class GestureClassifier {
    private static final double OUT = 0.45;
    private static final double IN = 0.30;
    private static final double PINCH = 0.35;
    private static final double THUMB_SIGN = 0.7;

    private GestureClassifier() {
    }

    /**
     * @param image 21 x 3 image landmarks (x, y normalised; y down)
     * @param world 21 x 3 world landmarks
     */
    public static Gesture classify(float[] image, float[] world, int width, int height) {
        FingerStates s = FingerStates.of(world);
        double[] fingers = {s.index(), s.middle(), s.ring(), s.pinky()};
        boolean thumbOut = s.thumb() >= 0.6 && s.thumbOut() >= 0.7;
        double thumbMargin = Math.min((s.thumb() - 0.45) / 0.3, (s.thumbOut() - 0.5) / 0.4);
        if (s.pinchDistance() < PINCH && thumbMeetsIndexTip(world)) {
            double closeness = 1 - s.pinchDistance() / PINCH;
            if (out(fingers[1]) && out(fingers[2]) && out(fingers[3])) {
                return new Gesture("ok", score(closeness, outMargin(fingers[1]), outMargin(fingers[2]),
                        outMargin(fingers[3])), s.pinchDistance());
            }
            return new Gesture("pinch", score(closeness), s.pinchDistance());
        }
        if (allOut(fingers)) {
            double margin = min(outMargin(fingers[0]), outMargin(fingers[1]), outMargin(fingers[2]), outMargin(fingers[3]));
            return thumbOut ? new Gesture("open_palm", score(margin, thumbMargin), -1)
                    : new Gesture("four", score(margin, -thumbMargin), -1);
        }
        if (allIn(fingers)) {
            double margin = min(inMargin(fingers[0]), inMargin(fingers[1]), inMargin(fingers[2]), inMargin(fingers[3]));
            if (!thumbOut) {
                return new Gesture("fist", score(margin, -thumbMargin), -1);
            }
            double vertical = verticality(image, HandTopology.THUMB_MCP, HandTopology.THUMB_TIP, width, height);
            // Thumbs up / down need a clearly straight thumb; a half-bent one beside a fist is no sign.
            if (s.thumb() < THUMB_SIGN) {
                return Gesture.none(score(margin));
            }
            if (vertical > 0.7) {
                return new Gesture("thumbs_up", score(margin, thumbMargin, (vertical - 0.5) / 0.5), -1);
            }
            if (vertical < -0.7) {
                return new Gesture("thumbs_down", score(margin, thumbMargin, (-vertical - 0.5) / 0.5), -1);
            }
            return Gesture.none(score(margin));
        }
        if (out(fingers[0]) && out(fingers[1]) && in(fingers[2]) && in(fingers[3])) {
            return new Gesture("victory", score(outMargin(fingers[0]), outMargin(fingers[1]), inMargin(fingers[2]),
                    inMargin(fingers[3])), -1);
        }
        if (out(fingers[0]) && in(fingers[1]) && in(fingers[2]) && in(fingers[3])) {
            double vertical = verticality(image, HandTopology.INDEX_MCP, HandTopology.INDEX_TIP, width, height);
            return vertical > 0.5 ? new Gesture("pointing_up", score(outMargin(fingers[0]), inMargin(fingers[1]),
                    (vertical - 0.3) / 0.5), -1) : Gesture.none(0.5);
        }
        if (thumbOut && in(fingers[0]) && in(fingers[1]) && in(fingers[2]) && out(fingers[3])) {
            return new Gesture("call", score(thumbMargin, inMargin(fingers[0]), outMargin(fingers[3])), -1);
        }
        if (out(fingers[0]) && in(fingers[1]) && in(fingers[2]) && out(fingers[3])) {
            return new Gesture("rock", score(outMargin(fingers[0]), inMargin(fingers[1]), inMargin(fingers[2]),
                    outMargin(fingers[3])), -1);
        }
        return Gesture.none(0.5);
    }

    /**
     * In a pinch (and ok) the thumb tip meets the index tip. A flat hand with the thumb folded under
     * straight fingers also has the two tips close, but the thumb tip lies nearer the index's last
     * joint than its tip.
     */
    private static boolean thumbMeetsIndexTip(float[] world) {
        return FingerStates.distance(world, HandTopology.THUMB_TIP, HandTopology.INDEX_TIP)
                < FingerStates.distance(world, HandTopology.THUMB_TIP, HandTopology.INDEX_DIP);
    }

    /** How much the bone from landmark a to b points up in the image: 1 straight up, -1 straight down. */
    static double verticality(float[] image, int a, int b, int width, int height) {
        double dx = (image[3 * b] - image[3 * a]) * width;
        double dy = (image[3 * b + 1] - image[3 * a + 1]) * height;
        double length = Math.hypot(dx, dy);
        return length == 0 ? 0 : -dy / length;
    }

    private static boolean out(double straightness) {
        return straightness >= OUT;
    }

    private static boolean in(double straightness) {
        return straightness <= IN;
    }

    private static boolean allOut(double[] fingers) {
        return out(fingers[0]) && out(fingers[1]) && out(fingers[2]) && out(fingers[3]);
    }

    private static boolean allIn(double[] fingers) {
        return in(fingers[0]) && in(fingers[1]) && in(fingers[2]) && in(fingers[3]);
    }

    private static double outMargin(double straightness) {
        return (straightness - IN) / 0.4;
    }

    private static double inMargin(double straightness) {
        return (OUT - straightness) / 0.4;
    }

    private static double min(double... values) {
        double min = Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** 0.5 at the edge of a rule, 1 when every margin is comfortable. */
    private static double score(double... margins) {
        return 0.5 + 0.5 * Math.max(0, Math.min(1, min(margins)));
    }
}
