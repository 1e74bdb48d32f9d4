package dev.handscope.engine.tracking;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.model.ModelView;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.HandResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;

/**
 * Follows hands from frame to frame, through the model interfaces only.
 * <p>
 * With a landmarker (two-stage models), each tracked hand is cropped where its landmarks put it
 * last frame, so the detector runs only to find hands: every frame while none is tracked, every
 * {@code redetectInterval} frames while fewer than {@code numHands} are, never once all are
 * (avoiding MediaPipe's trap of detecting on every frame when one of two hands is visible).
 * Without one (one-stage models, whose detections carry landmarks), the detector runs on every
 * frame and each detection continues the track it overlaps most.
 * <p>
 * {@link #detectConcurrently} moves the two-stage detector to a thread of its own: tracked hands
 * go on being followed while it runs, and the hands it finds start on the frame its answer arrives.
 * Results then depend on timing, so file runs that must repeat exactly (track, detect, evaluate,
 * replays) keep it off.
 * Not thread-safe: one tracker per inference thread.
 */
public final class HandTracker implements AutoCloseable {
    private final HandDetector detector;
    private final HandLandmarker landmarker;
    private final List<Track> tracks = new ArrayList<>();
    private TrackerOptions options;
    private int nextId;
    private int framesSinceDetection;
    private volatile boolean keepModelViews;
    private long preprocess;
    private long detectorNanos;
    private long landmarkNanos;
    private BackgroundDetection background;
    private SecondLandmarker second;

    private HandTracker(HandDetector detector, HandLandmarker landmarker, TrackerOptions options) {
        this.detector = Objects.requireNonNull(detector);
        this.landmarker = landmarker;
        this.options = options;
    }

    /** A detector that finds hands and a landmarker that follows each one in its own crop. */
    public static HandTracker twoStage(HandDetector detector, HandLandmarker landmarker, TrackerOptions options) {
        return new HandTracker(detector, Objects.requireNonNull(landmarker), options);
    }

    /** A one-stage model: its detections carry the landmarks. */
    public static HandTracker oneStage(HandDetector detector, TrackerOptions options) {
        return new HandTracker(detector, null, options);
    }

    /** New settings take effect on the next frame; smoothing changes restart the filters. */
    public void setOptions(TrackerOptions options) {
        boolean smoothingChanged = !options.smoothing().equals(this.options.smoothing());
        this.options = options;
        if (smoothingChanged) {
            tracks.forEach(track -> track.smoother = new LandmarkSmoother(options.smoothing()));
        }
        while (tracks.size() > options.numHands()) {
            tracks.remove(tracks.size() - 1);
        }
    }

    /** Whether each hand carries a copy of the landmark model's crop and raw outputs (for debugging views). */
    public void keepModelViews(boolean keep) {
        keepModelViews = keep;
    }

    /**
     * Whether the detector runs on its own thread beside tracking (two-stage models; one-stage
     * models detect every frame, so they have nothing to overlap with).
     */
    public void detectConcurrently(boolean on) {
        if (on && background == null && landmarker != null) {
            // Both will run beside each other from now on: ready their one-core sessions now, not mid-run.
            detector.shareCores(true);
            landmarker.shareCores(true);
            background = new BackgroundDetection(detector);
        } else if (!on && background != null) {
            background.await();
            background.close();
            background = null;
            detector.shareCores(false);
        }
    }

    /**
     * A second copy of the landmark model (the tracker then owns it): with two or more hands tracked,
     * the second hand is landmarked on its own thread beside the first. Null goes back to one.
     */
    public void landmarkInParallel(HandLandmarker copy) {
        if (second != null) {
            second.close();
        }
        second = copy == null || landmarker == null ? null : new SecondLandmarker(copy);
        if (second != null) {
            landmarker.shareCores(true); // readies its one-core session for the frames with two hands
        }
    }

    /** Outputs of the second landmarker dropped for NaN or infinity (0 without one). */
    public long secondLandmarkerNonFinite() {
        return second == null ? 0 : second.nonFiniteOutputs();
    }

    /** Hands being followed now. */
    public int trackedCount() {
        return tracks.size();
    }

    /** Forgets every hand (e.g. when the source changes). */
    public void reset() {
        tracks.clear();
        framesSinceDetection = 0;
        if (background != null) {
            background.await(); // a detection of the old source must not start hands in the new one
        }
    }

    /** Stops the detector's thread, if it has one (the models belong to the caller). */
    @Override
    public void close() {
        detectConcurrently(false);
        landmarkInParallel(null);
    }

    /**
     * Finds and follows hands in one frame.
     *
     * @param sequence  the frame's number, carried into the result
     * @param timeNanos frame time, for smoothing (a video's own timestamps keep results repeatable)
     * @param rotation  how the image content is turned (radians, clockwise), for the detector
     */
    public FrameResult process(RgbImage image, long sequence, long timeNanos, double rotation) {
        long start = System.nanoTime();
        preprocess = 0;
        detectorNanos = 0;
        landmarkNanos = 0;
        int width = image.width();
        int height = image.height();
        boolean detect;
        List<HandRegion> regions;
        if (landmarker != null) {
            followTracks(image, timeNanos);
            if (background != null) {
                regions = detectBeside(image, rotation, sequence);
                detect = regions != null;
                regions = detect ? regions : List.of();
            } else {
                detect = detectionDue();
                regions = detect ? detect(image, rotation) : List.of();
                framesSinceDetection = detect ? 0 : framesSinceDetection + 1;
            }
            for (HandRegion region : regions) {
                if (tracks.size() >= options.numHands()) {
                    break;
                }
                if (!coversTrackedHand(region.crop(), width, height)) {
                    startTrack(landmark(image, region.crop(), false), timeNanos, width, height);
                }
            }
        } else {
            detect = true;
            regions = detect(image, rotation);
            associate(regions, timeNanos, width, height);
        }

        List<HandResult> hands = new ArrayList<>(tracks.size());
        tracks.sort(Comparator.comparingInt(t -> t.id));
        for (Track track : tracks) {
            hands.add(track.report());
        }
        long total = System.nanoTime() - start;
        FrameTimings timings = new FrameTimings(0, preprocess, detectorNanos, landmarkNanos,
                Math.max(0, total - preprocess - detectorNanos - landmarkNanos));
        return new FrameResult(sequence, timeNanos, width, height, hands, detect, regions, timings, List.of(),
                List.of());
    }

    /** Two-stage: each track's landmarks from last frame's crop; lost and duplicate tracks end. */
    private void followTracks(RgbImage image, long timeNanos) {
        List<Track> lost = new ArrayList<>();
        // With a second landmarker, the second track's crop runs beside the others (one per core).
        Future<SecondLandmarker.Answer> beside = second != null && tracks.size() > 1
                ? second.start(image, tracks.get(1).nextRect, keepModelViews) : null;
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            HandLandmarks result;
            ModelView view;
            if (beside != null && i == 1) {
                SecondLandmarker.Answer answer = SecondLandmarker.await(beside);
                preprocess += answer.preprocessNanos();
                landmarkNanos += answer.inferenceNanos();
                result = answer.landmarks();
                view = answer.view();
            } else {
                result = landmark(image, track.nextRect, beside != null);
                view = view();
            }
            if (result.presence() < options.minPresenceConfidence()) {
                lost.add(track);
            } else {
                track.update(result, timeNanos, image.width(), image.height(), options, view);
            }
        }
        tracks.removeAll(lost);
        removeDuplicates();
    }

    /** One-stage: each detection continues the free track it overlaps most, or starts one; unmatched tracks end. */
    private void associate(List<HandRegion> regions, long timeNanos, int width, int height) {
        List<Track> continued = new ArrayList<>();
        List<HandLandmarks> fresh = new ArrayList<>();
        for (HandRegion region : regions) {
            HandLandmarks found = region.landmarks();
            if (found == null || found.presence() < options.minPresenceConfidence()) {
                continue;
            }
            float[] points = found.landmarks().toArray();
            Track best = null;
            double bestOverlap = options.minTrackingConfidence();
            for (Track track : tracks) {
                double overlap = HandRects.landmarkOverlap(track.raw, points);
                if (!continued.contains(track) && overlap > bestOverlap) {
                    best = track;
                    bestOverlap = overlap;
                }
            }
            if (best != null) {
                best.update(found, timeNanos, width, height, options, null);
                continued.add(best);
            } else {
                fresh.add(found);
            }
        }
        tracks.retainAll(continued);
        for (HandLandmarks found : fresh) {
            if (tracks.size() >= options.numHands()) {
                break;
            }
            startTrack(found, timeNanos, width, height);
        }
    }

    /** Two-stage: whether this frame looks for more hands (every frame with none, else every interval). */
    private boolean detectionDue() {
        return tracks.size() < options.numHands()
                && (tracks.isEmpty() || framesSinceDetection + 1 >= options.redetectInterval());
    }

    /**
     * The background detector's answer, when one arrives this frame, else null. With no hand tracked
     * there is nothing to follow meanwhile, so the frame waits for it (as a sequential run would);
     * otherwise a due detection is started on this frame's copy and collected on a later frame.
     */
    private List<HandRegion> detectBeside(RgbImage image, double rotation, long sequence) {
        BackgroundDetection.Found found = background.poll();
        float minScore = (float) options.minDetectionConfidence();
        if (found == null && tracks.isEmpty()) {
            long start = System.nanoTime();
            if (!background.busy()) {
                detector.shareCores(false); // nothing to track meanwhile: the frame waits for it alone
                background.submit(image, rotation, minScore, sequence);
            }
            found = background.await();
            detectorNanos += System.nanoTime() - start;
            framesSinceDetection = 0;
        } else if (found == null && detectionDue() && !background.busy()) {
            detector.shareCores(true); // beside the tracking of the next frames
            background.submit(image, rotation, minScore, sequence);
            framesSinceDetection = 0;
        } else {
            framesSinceDetection++;
        }
        return found == null ? null : found.regions();
    }

    private List<HandRegion> detect(RgbImage image, double rotation) {
        List<HandRegion> regions = detector.detect(image, rotation, (float) options.minDetectionConfidence());
        ModelTimings timings = detector.lastTimings();
        preprocess += timings.preprocess();
        detectorNanos += timings.inference();
        return regions;
    }

    /** Whether the background detector is running now, beside the tracking thread. */
    private boolean detecting() {
        return background != null && background.running();
    }

    /** @param besideSecond whether the second landmarker runs meanwhile */
    private HandLandmarks landmark(RgbImage image, RotatedRect crop, boolean besideSecond) {
        landmarker.shareCores(besideSecond || detecting());
        HandLandmarks result = landmarker.landmark(image, crop);
        ModelTimings timings = landmarker.lastTimings();
        preprocess += timings.preprocess();
        landmarkNanos += timings.inference();
        return result;
    }

    /** A new track for a hand found this frame, unless it is too unsure or already followed. */
    private void startTrack(HandLandmarks found, long timeNanos, int width, int height) {
        if (found.presence() >= options.minPresenceConfidence() && !duplicatesTrackedHand(found.landmarks())) {
            Track track = new Track(nextId++, options.smoothing());
            track.update(found, timeNanos, width, height, options, view());
            tracks.add(track);
        }
    }

    private ModelView view() {
        return keepModelViews && landmarker != null ? landmarker.lastView() : null;
    }

    /** Two tracks on one hand: keep the older. */
    private void removeDuplicates() {
        tracks.sort(Comparator.comparingInt(t -> t.id));
        List<Track> duplicates = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            for (int j = i + 1; j < tracks.size(); j++) {
                Track older = tracks.get(i);
                Track newer = tracks.get(j);
                if (!duplicates.contains(older)
                        && HandRects.landmarkOverlap(older.raw, newer.raw) > options.minTrackingConfidence()) {
                    duplicates.add(newer);
                }
            }
        }
        tracks.removeAll(duplicates);
    }

    /** Whether a detection's crop is where a tracked hand will be cropped anyway (MediaPipe's rect association). */
    private boolean coversTrackedHand(RotatedRect rect, int width, int height) {
        for (Track track : tracks) {
            if (HandRects.rectOverlap(rect, track.nextRect, width, height) > options.minTrackingConfidence()) {
                return true;
            }
        }
        return false;
    }

    private boolean duplicatesTrackedHand(Landmarks landmarks) {
        float[] points = landmarks.toArray();
        for (Track track : tracks) {
            if (HandRects.landmarkOverlap(track.raw, points) > options.minTrackingConfidence()) {
                return true;
            }
        }
        return false;
    }

    /** A hand being followed. */
    private static final class Track {
        final int id;
        final HandednessSmoother handednessSmoother = new HandednessSmoother();
        /** The last frame's unsmoothed landmarks (what overlaps are measured on). */
        final float[] raw = new float[HandLandmarks.COUNT * 3];
        final float[] rawWorld = new float[HandLandmarks.COUNT * 3];
        final float[] landmarks = new float[HandLandmarks.COUNT * 3];
        final float[] world = new float[HandLandmarks.COUNT * 3];
        LandmarkSmoother smoother;
        HandLandmarks last;
        Handedness handedness;
        RotatedRect nextRect;
        ModelView view;
        int age = -1;
        boolean smoothed;

        Track(int id, SmoothingOptions smoothing) {
            this.id = id;
            this.smoother = new LandmarkSmoother(smoothing);
        }

        void update(HandLandmarks result, long timeNanos, int width, int height, TrackerOptions options,
                    ModelView modelView) {
            last = result;
            view = modelView;
            age++;
            handedness = handednessSmoother.update(Handedness.RIGHT.equals(result.handedness().label())
                    ? result.handedness().score() : 1 - result.handedness().score());
            result.landmarks().copyInto(raw);
            result.worldLandmarks().copyInto(rawWorld);
            smoothed = options.smoothing().enabled();
            if (smoothed) {
                smoother.smoothImage(raw, landmarks, timeNanos, width, height);
                smoother.smoothWorld(rawWorld, world, timeNanos);
            }
            // The next crop follows the raw landmarks: smoothing is for people, not for the model.
            nextRect = HandRects.fromLandmarks(raw, width, height);
        }

        HandResult report() {
            Landmarks shown = smoothed ? Landmarks.of(landmarks) : last.landmarks();
            Landmarks shownWorld = smoothed ? Landmarks.of(world) : last.worldLandmarks();
            // A mesh the model predicted itself is the hand's mesh, as predicted (unsmoothed, like the model's answer).
            return new HandResult(id, age, shown, shownWorld, handedness, last, null, last.mesh(), null, view);
        }
    }
}
