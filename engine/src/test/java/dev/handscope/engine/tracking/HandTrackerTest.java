package dev.handscope.engine.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tracker's rules, exactly, with models whose answers are known (no runtime): when the detector
 * runs, which id each hand gets, when a detection is the same hand, when a hand is lost.
 */
class HandTrackerTest {
    private static final TrackerOptions OPTIONS = TrackerOptions.defaults().withRedetectInterval(3)
            .withSmoothing(SmoothingOptions.defaults().withEnabled(false));
    private static RgbImage image;
    private final FakeHands scene = new FakeHands();
    private long frame;

    @BeforeAll
    static void readImage() {
        // Any real image: the fakes only use its size.
        image = RgbImage.read(Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata", "media",
                "woman_hands.jpg"));
        assertNotNull(image);
    }

    @AfterAll
    static void closeImage() {
        image.close();
    }

    private HandTracker twoStage(TrackerOptions options) {
        return HandTracker.twoStage(scene.palmDetector(), scene.landmarker(), options);
    }

    private FrameResult next(HandTracker tracker) {
        frame++;
        return tracker.process(image, frame, frame * 33_000_000L, 0);
    }

    private static List<Integer> ids(FrameResult result) {
        return result.hands().stream().map(HandResult::id).toList();
    }

    @Test
    void detectorRunsEveryFrameUntilAHandIsFoundThenEveryIntervalWhileOneOfTwoIsTracked() {
        HandTracker tracker = twoStage(OPTIONS);
        List<Boolean> ran = new ArrayList<>();
        ran.add(next(tracker).detectorRan());
        ran.add(next(tracker).detectorRan());
        assertEquals(List.of(true, true), ran, "no hand: the detector runs on every frame");
        scene.put("a", 0.3, 0.5);
        ran.clear();
        for (int i = 0; i < 7; i++) {
            ran.add(next(tracker).detectorRan());
        }
        assertEquals(List.of(true, false, false, true, false, false, true), ran,
                "one of two hands tracked: every 3rd frame");
        assertEquals(List.of(0), ids(next(tracker)), "the re-detected hand is the tracked one, not a new hand");
    }

    @Test
    void detectorNeverRunsOnceEveryHandIsTracked() {
        scene.put("a", 0.3, 0.5);
        scene.put("b", 0.7, 0.5);
        HandTracker tracker = twoStage(OPTIONS);
        assertTrue(next(tracker).detectorRan());
        int calls = scene.detectorCalls;
        for (int i = 0; i < 10; i++) {
            FrameResult result = next(tracker);
            assertFalse(result.detectorRan());
            assertEquals(List.of(), result.detections());
            assertEquals(List.of(0, 1), ids(result));
        }
        assertEquals(calls, scene.detectorCalls);
    }

    @Test
    void aMovingHandKeepsItsIdAndALostHandComesBackWithANewOne() {
        HandTracker tracker = twoStage(OPTIONS.withNumHands(1));
        scene.put("a", 0.3, 0.5);
        for (int i = 0; i < 10; i++) {
            scene.put("a", 0.3 + 0.01 * i, 0.5 - 0.005 * i);
            FrameResult result = next(tracker);
            assertEquals(List.of(0), ids(result), "frame " + i);
            assertEquals(i, result.hands().get(0).age());
            assertEquals(0.3 + 0.01 * i, result.hands().get(0).landmarks().x(0), 1e-6, "follows the hand");
        }
        scene.remove("a");
        assertEquals(List.of(), ids(next(tracker)), "the hand left: lost at once");
        scene.put("a", 0.6, 0.5);
        assertEquals(List.of(1), ids(next(tracker)), "a hand found again is a new hand");
    }

    @Test
    void twoTracksOnOneHandBecomeTheOlderOne() {
        HandTracker tracker = twoStage(OPTIONS);
        scene.put("a", 0.3, 0.5);
        scene.put("b", 0.7, 0.5);
        assertEquals(List.of(0, 1), ids(next(tracker)));
        FrameResult result = null;
        for (double x = 0.68; x > 0.3 && (result == null || result.hands().size() == 2); x -= 0.02) {
            scene.put("b", x, 0.5); // b walks onto a until b's crop sees a: both tracks follow a
            result = next(tracker);
        }
        assertEquals(List.of(0), ids(result), "the newer track went, the older stayed");
        assertEquals(0.3, result.hands().get(0).landmarks().x(0), 1e-6, "on a");
    }

    @Test
    void noMoreHandsThanAskedForBestFirst() {
        scene.put("a", 0.2, 0.5);
        scene.put("b", 0.5, 0.5);
        scene.put("c", 0.8, 0.5);
        FrameResult result = next(twoStage(OPTIONS));
        assertEquals(3, result.detections().size());
        assertEquals(List.of(0, 1), ids(result));
        assertEquals(0.2, result.hands().get(0).landmarks().x(0), 1e-6);
        assertEquals(0.5, result.hands().get(1).landmarks().x(0), 1e-6);
    }

    @Test
    void modelTimesAreSummedOncePerCall() {
        scene.put("a", 0.3, 0.5);
        scene.put("b", 0.7, 0.5);
        HandTracker tracker = twoStage(OPTIONS);
        FrameResult first = next(tracker); // detector once, landmarker once per hand
        assertEquals(FakeHands.DETECTOR_TIMINGS.inference(), first.timings().detector());
        assertEquals(2 * FakeHands.LANDMARKER_TIMINGS.inference(), first.timings().landmarks());
        assertEquals(FakeHands.DETECTOR_TIMINGS.preprocess() + 2 * FakeHands.LANDMARKER_TIMINGS.preprocess(),
                first.timings().preprocess());
        FrameResult second = next(tracker); // tracking only
        assertEquals(0, second.timings().detector());
        assertEquals(2 * FakeHands.LANDMARKER_TIMINGS.inference(), second.timings().landmarks());
        assertEquals(2 * FakeHands.LANDMARKER_TIMINGS.preprocess(), second.timings().preprocess());
    }

    @Test
    void modelViewsOnlyWhenAskedFor() {
        scene.put("a", 0.3, 0.5);
        HandTracker tracker = twoStage(OPTIONS);
        assertNull(next(tracker).hands().get(0).debug());
        tracker.keepModelViews(true);
        assertNotNull(next(tracker).hands().get(0).debug());
    }

    @Test
    void oneStageModelsDetectEveryFrameAndContinueTheOverlappingTrack() {
        HandTracker tracker = HandTracker.oneStage(scene.oneStageDetector(), OPTIONS);
        scene.put("a", 0.3, 0.5);
        scene.put("b", 0.7, 0.5);
        assertEquals(List.of(0, 1), ids(next(tracker)));
        for (int i = 1; i <= 5; i++) {
            scene.put("a", 0.3 + 0.005 * i, 0.5);
            scene.put("b", 0.7 - 0.005 * i, 0.5);
            FrameResult result = next(tracker);
            assertTrue(result.detectorRan());
            assertEquals(List.of(0, 1), ids(result), "frame " + i);
            assertEquals(0.3 + 0.005 * i, result.hands().get(0).landmarks().x(0), 1e-6, "hand 0 is still a");
            assertEquals(0.7 - 0.005 * i, result.hands().get(1).landmarks().x(0), 1e-6, "hand 1 is still b");
        }
        scene.remove("a");
        assertEquals(List.of(1), ids(next(tracker)), "a left");
        scene.put("a", 0.3, 0.5);
        assertEquals(List.of(1, 2), ids(next(tracker)), "a is back as a new hand");
        assertEquals(0, next(tracker).timings().landmarks(), "no landmarker ran");
        assertEquals(0, scene.landmarkerCalls);
    }

    /**
     * With the detector on its own thread, a frame that has a hand to follow never waits for it: a
     * detector held back (by a gate here) leaves tracking running, and the hand it finds starts on
     * the frame its answer arrives. With no hand tracked the frame waits, as a sequential one does.
     */
    @Test
    void aConcurrentDetectorNeverHoldsUpTrackedHands() throws Exception {
        scene.put("a", 0.3, 0.5);
        try (HandTracker tracker = twoStage(OPTIONS)) {
            tracker.detectConcurrently(true);
            FrameResult first = next(tracker);
            assertTrue(first.detectorRan(), "nothing tracked: the frame waits for the detector");
            assertEquals(List.of(0), ids(first));
            assertEquals(java.util.Set.of("handscope-detector"), scene.detectorThreads,
                    "the detector runs on its own thread only");

            scene.put("b", 0.7, 0.5);
            scene.detectorGate = new java.util.concurrent.CountDownLatch(1);
            int before = scene.landmarkerSharedAtCall.size();
            for (int i = 0; i < 6; i++) {
                FrameResult held = next(tracker);
                assertFalse(held.detectorRan(), "the held-back detection has not arrived");
                assertEquals(List.of(0), ids(held), "hand a is followed all the while");
            }
            List<Boolean> landmarkedWhileHeld = List.copyOf(scene.landmarkerSharedAtCall.subList(before + 1, before + 6));
            scene.detectorGate.countDown();
            FrameResult arrived = null;
            for (int i = 0; i < 200 && (arrived == null || !arrived.detectorRan()); i++) {
                Thread.sleep(5);
                arrived = next(tracker);
            }
            assertTrue(arrived.detectorRan(), "the answer arrives once the detector is let go");
            assertEquals(List.of(0, 1), ids(arrived), "hand b starts on the frame the answer arrives");
            // Each model is told when it shares the cores: the waited-for detection ran alone, the
            // held-back one beside tracking, and hand a's landmarks beside it
            // (alone until the re-detection is due and starts, beside it on every frame after).
            assertEquals(List.of(false, true), scene.detectorSharedAtCall);
            int firstShared = landmarkedWhileHeld.indexOf(true);
            assertTrue(firstShared >= 0 && !landmarkedWhileHeld.subList(firstShared, 5).contains(false)
                    && !landmarkedWhileHeld.subList(0, firstShared).contains(true), landmarkedWhileHeld.toString());
        }
    }

    /** A second landmarker answers the second hand on its own thread; the results are those of one landmarker. */
    @Test
    void aSecondLandmarkerFollowsTheSecondHandBesideTheFirstWithTheSameResults() {
        scene.put("a", 0.3, 0.5);
        scene.put("b", 0.7, 0.5);
        List<List<Integer>> alone = new ArrayList<>();
        List<Float> aloneX = new ArrayList<>();
        HandTracker one = twoStage(OPTIONS);
        for (int i = 0; i < 4; i++) {
            FrameResult result = next(one);
            alone.add(ids(result));
            result.hands().forEach(h -> aloneX.add(h.landmarks().x(0)));
        }
        FakeHands sameScene = new FakeHands(); // the copy's own fake: the scene's records stay the first landmarker's
        sameScene.hands.putAll(scene.hands);
        List<List<Integer>> paired = new ArrayList<>();
        List<Float> pairedX = new ArrayList<>();
        try (HandTracker two = twoStage(OPTIONS)) {
            two.landmarkInParallel(sameScene.landmarker());
            for (int i = 0; i < 4; i++) {
                FrameResult result = next(two);
                paired.add(ids(result));
                result.hands().forEach(h -> pairedX.add(h.landmarks().x(0)));
            }
        }
        assertEquals(alone, paired);
        assertEquals(aloneX, pairedX);
        assertEquals(java.util.Set.of("handscope-landmarks-2"), sameScene.landmarkerThreads,
                "the copy runs on its own thread only");
        // Alone, the first landmarker had the cores to itself; beside the copy, it shares them.
        int calls = scene.landmarkerSharedAtCall.size();
        assertEquals(List.of(true, true, true), scene.landmarkerSharedAtCall.subList(calls - 3, calls));
    }
}
