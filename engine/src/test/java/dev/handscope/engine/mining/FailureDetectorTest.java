package dev.handscope.engine.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.HandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each trigger fires exactly when its sign shows, once per cooldown, on a synthetic upright hand in a 640×480 frame. */
class FailureDetectorTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final long FRAME_NANOS = 33_000_000L;

    private final FailureDetector detector = new FailureDetector(MiningOptions.defaults());
    private long sequence;

    /** An upright open hand: wrist 0.1 of the image height below the middle knuckle (48 px, the hand size). */
    private static float[] hand(double cx, double cy) {
        float[] p = new float[3 * HandTopology.LANDMARKS];
        set(p, HandTopology.WRIST, cx, cy + 0.1);
        for (int f = 0; f < HandTopology.FINGER_COUNT; f++) {
            for (int k = 0; k < 4; k++) {
                set(p, HandTopology.FINGERS[f][k], cx + (f - 2) * 0.03, cy - k * 0.03);
            }
        }
        return p;
    }

    private static void set(float[] p, int point, double x, double y) {
        p[3 * point] = (float) x;
        p[3 * point + 1] = (float) y;
    }

    private static HandResult result(int id, float[] raw, double presence, String rawLabel, String smoothedLabel) {
        Landmarks points = Landmarks.of(raw);
        HandLandmarks model = new HandLandmarks(points, points, presence, new Handedness(rawLabel, 0.9), null);
        return new HandResult(id, 0, points, points, new Handedness(smoothedLabel, 0.9), model, null, null, null, null);
    }

    private static HandResult result(int id, float[] raw) {
        return result(id, raw, 0.95, "Right", "Right");
    }

    /** The next frame, 33 ms after the last. */
    private List<MinedFailure> feed(HandResult... hands) {
        long at = sequence++;
        return detector.update(new FrameResult(at, at * FRAME_NANOS, WIDTH, HEIGHT, List.of(hands), false, List.of(),
                new FrameTimings(0, 0, 0, 0, 0), List.of(), List.of()));
    }

    private static List<FailureTrigger> triggers(List<MinedFailure> fired) {
        return fired.stream().map(MinedFailure::trigger).toList();
    }

    /** Feeds {@code frames} frames of hand 1 changed by {@code change} and collects what fired. */
    private List<MinedFailure> run(int frames, UnaryOperator<float[]> change) {
        List<MinedFailure> all = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            all.addAll(feed(result(1, change.apply(hand(0.5, 0.5)))));
        }
        return all;
    }

    @Test
    void aSteadyHandMovingFastAsAWholeFiresNothing() {
        List<MinedFailure> fired = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // 0.05 of the width a frame: 32 px, well over a quarter of the 48 px hand, but all landmarks alike
            fired.addAll(feed(result(1, hand(0.1 + 0.05 * (i % 12), 0.5 + 0.002 * i))));
        }
        assertEquals(List.of(), fired);
    }

    @Test
    void presenceFiresOnTheFrameItCrossesBelowTheThreshold() {
        float[] p = hand(0.5, 0.5);
        assertEquals(List.of(), feed(result(1, p, 0.9, "Right", "Right")));
        assertEquals(List.of(), feed(result(1, p, 0.61, "Right", "Right")));
        List<MinedFailure> drop = feed(result(1, p, 0.55, "Right", "Right"));
        assertEquals(List.of(FailureTrigger.PRESENCE_DROP), triggers(drop));
        assertEquals(1, drop.get(0).handId());
        assertEquals("presence 0.55, was 0.61", drop.get(0).detail());
        assertEquals(List.of(), feed(result(1, p, 0.3, "Right", "Right")), "staying low is the same failure");
    }

    @Test
    void aLandmarkJumpingRelativeToTheHandFiresAndASmallMoveDoesNot() {
        float[] p = hand(0.5, 0.5);
        feed(result(1, p));
        float[] small = hand(0.5, 0.5);
        small[3 * HandTopology.INDEX_TIP] += 0.015f; // 9.6 px: 0.2 hand sizes
        assertEquals(List.of(), feed(result(1, small)));
        float[] far = hand(0.5, 0.5);
        far[3 * HandTopology.INDEX_TIP] += 0.05f; // 32 px: 0.67 hand sizes
        List<MinedFailure> jump = feed(result(1, far));
        assertEquals(List.of(FailureTrigger.LANDMARK_JUMP), triggers(jump.stream()
                .filter(f -> f.trigger() != FailureTrigger.BONE_LENGTH).toList()));
        assertEquals("index tip moved 0.44 hand sizes relative to the hand", jump.get(0).detail()); // 22.4 px of 48
    }

    @Test
    void theModelsOwnHandednessFlipFiresButTheSmoothedOneAloneDoesNot() {
        float[] p = hand(0.5, 0.5);
        feed(result(1, p, 0.9, "Right", "Right"));
        assertEquals(List.of(), feed(result(1, p, 0.9, "Right", "Left")), "smoothed flip, same raw reading");
        List<MinedFailure> flip = feed(result(1, p, 0.9, "Left", "Left"));
        assertEquals(List.of(FailureTrigger.HANDEDNESS_FLIP), triggers(flip));
        assertEquals("Right → Left (score 0.90)", flip.get(0).detail());
    }

    @Test
    void overlappingHandsFireOnTheLowerIdAndHandsApartDoNot() {
        assertEquals(List.of(), feed(result(3, hand(0.3, 0.5)), result(5, hand(0.7, 0.5))));
        List<MinedFailure> overlap = feed(result(3, hand(0.5, 0.5)), result(5, hand(0.52, 0.5)));
        List<MinedFailure> overlaps = overlap.stream().filter(f -> f.trigger() == FailureTrigger.HANDS_OVERLAP).toList();
        assertEquals(1, overlaps.size());
        assertEquals(3, overlaps.get(0).handId());
        assertTrue(overlaps.get(0).detail().startsWith("hands 3 and 5 overlap, IoU 0."), overlaps.get(0).detail());
    }

    @Test
    void aBoneLeavingItsTracksRangeFiresAfterTheWarmUpOnly() {
        UnaryOperator<float[]> stretched = p -> {
            // index PIP to DIP twice its length: the DIP and tip 0.03 further up
            p[3 * HandTopology.INDEX_DIP + 1] -= 0.03f;
            p[3 * HandTopology.INDEX_TIP + 1] -= 0.03f;
            return p;
        };
        List<MinedFailure> warm = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            warm.addAll(feed(result(1, i == 10 ? stretched.apply(hand(0.5, 0.5)) : hand(0.5, 0.5))));
        }
        assertEquals(List.of(), warm.stream().filter(f -> f.trigger() == FailureTrigger.BONE_LENGTH).toList(),
                "the range is still being learnt");
        for (int i = 0; i < 30; i++) {
            feed(result(1, hand(0.5, 0.5))); // past the cooldown of the warm-up's jump, range back to normal
        }
        // the stretched bone, learnt in the warm-up, no longer counts as out of range: shrink it instead
        List<MinedFailure> fired = run(1, p -> {
            p[3 * HandTopology.INDEX_DIP + 1] += 0.02f;
            p[3 * HandTopology.INDEX_TIP + 1] += 0.02f;
            return p;
        });
        assertEquals(List.of(FailureTrigger.BONE_LENGTH), triggers(fired), "9.6 px: a bone, not a jump");
        assertEquals("index PIP–index DIP bone 0.33x its shortest so far", fired.get(0).detail());
    }

    @Test
    void theWholeHandGrowingNearerTheCameraKeepsItsBoneRatios() {
        List<MinedFailure> fired = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            float[] p = hand(0.5, 0.5);
            double scale = 1 + i / 30.0; // up to three times the size
            for (int k = 0; k < p.length; k += 3) {
                p[k] = (float) (0.5 + (p[k] - 0.5) * scale);
                p[k + 1] = (float) (0.5 + (p[k + 1] - 0.5) * scale);
            }
            fired.addAll(feed(result(1, p)));
        }
        assertEquals(List.of(), fired);
    }

    @Test
    void aTriggerStaysQuietOnItsTrackForTheCooldown() {
        float[] p = hand(0.5, 0.5);
        float[] flipped = p.clone();
        List<FailureTrigger> fired = new ArrayList<>();
        // Flipping every frame for 3 s: fires at 0, then again once 2 s have passed.
        for (int i = 0; i < 91; i++) {
            fired.addAll(triggers(feed(result(1, i % 2 == 0 ? p : flipped, 0.9, i % 2 == 0 ? "Right" : "Left", "Right"))));
        }
        assertEquals(List.of(FailureTrigger.HANDEDNESS_FLIP, FailureTrigger.HANDEDNESS_FLIP), fired);
        // Another track has its own cooldown.
        feed(result(2, p, 0.9, "Right", "Right"));
        assertEquals(List.of(FailureTrigger.HANDEDNESS_FLIP), triggers(feed(result(2, p, 0.9, "Left", "Right"))));
    }

    @Test
    void aTrackThatWentAndAResetAreForgotten() {
        float[] p = hand(0.5, 0.5);
        feed(result(1, p, 0.9, "Right", "Right"));
        feed(); // hand 1 gone
        assertEquals(List.of(), feed(result(1, p, 0.3, "Left", "Left")), "a returning id starts afresh");
        feed(result(1, p, 0.9, "Right", "Right"));
        detector.reset();
        assertEquals(List.of(), feed(result(1, p, 0.3, "Left", "Left")), "nothing to compare with after a reset");
    }
}
