package dev.handscope.engine.tracking;

import dev.handscope.engine.gesture.GestureClassifier;
import dev.handscope.engine.gesture.UserGestures;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarkModel;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.palm.PalmDetection;
import dev.handscope.engine.palm.PalmDetectorModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Follows hands from frame to frame. Each tracked hand is cropped where its landmarks put it last
 * frame, so the palm detector runs only to find hands: every frame while none is tracked, every
 * {@code redetectInterval} frames while fewer than {@code numHands} are, never once all are
 * (avoiding MediaPipe's trap of detecting on every frame when one of two hands is visible).
 * Not thread-safe: one tracker per inference thread.
 */
public final class HandTracker {
    private final PalmDetectorModel palmModel;
    private final HandLandmarkModel landmarkModel;
    private final List<Track> tracks = new ArrayList<>();
    private TrackerOptions options;
    private int nextId;
    private int framesSinceDetection;
    private volatile boolean keepModelViews;
    private volatile UserGestures userGestures = new UserGestures();

    public HandTracker(PalmDetectorModel palmModel, HandLandmarkModel landmarkModel, TrackerOptions options) {
        this.palmModel = palmModel;
        this.landmarkModel = landmarkModel;
        this.options = options;
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

    private TrackedHand.ModelView modelView() {
        if (!keepModelViews) {
            return null;
        }
        float[][] outputs = new float[4][];
        for (int i = 0; i < 4; i++) {
            outputs[i] = landmarkModel.runner().output(i).clone();
        }
        return new TrackedHand.ModelView(landmarkModel.lastCrop().clone(), outputs);
    }

    /** The user's own gestures; they win over the built-in ones when a pose matches. */
    public UserGestures userGestures() {
        return userGestures;
    }

    /** Recognises this set of user gestures from now on (the window keeps one across model reloads). */
    public void useGestures(UserGestures gestures) {
        userGestures = java.util.Objects.requireNonNull(gestures);
    }

    /** Hands being followed now. */
    public int trackedCount() {
        return tracks.size();
    }

    /** Forgets every hand (e.g. when the source changes). */
    public void reset() {
        tracks.clear();
        framesSinceDetection = 0;
    }

    /**
     * Finds and follows hands in one frame.
     *
     * @param timeNanos frame time, for smoothing (a video's own timestamps keep results repeatable)
     * @param rotation  how the image content is turned (radians, clockwise), for the palm detector
     */
    public TrackingResult process(RgbImage image, long timeNanos, double rotation) {
        long start = System.nanoTime();
        long preprocess = 0;
        long landmarkTime = 0;
        long palmTime = 0;
        int width = image.width();
        int height = image.height();

        List<Track> lost = new ArrayList<>();
        for (Track track : tracks) {
            HandLandmarks result = landmarkModel.detect(image, track.nextRect);
            preprocess += landmarkModel.lastPreprocessNanos();
            landmarkTime += landmarkModel.lastInferenceNanos();
            if (result.presence() < options.minPresenceConfidence()) {
                lost.add(track);
            } else {
                track.update(result, timeNanos, width, height, options, userGestures);
                track.view = modelView();
            }
        }
        tracks.removeAll(lost);
        removeDuplicates();

        boolean detect = tracks.size() < options.numHands()
                && (tracks.isEmpty() || framesSinceDetection + 1 >= options.redetectInterval());
        List<PalmDetection> palms = List.of();
        if (detect) {
            framesSinceDetection = 0;
            palms = palmModel.detect(image, rotation, (float) options.minDetectionConfidence());
            preprocess += palmModel.lastPreprocessNanos();
            palmTime = palmModel.lastInferenceNanos();
            for (PalmDetection palm : palms) {
                if (tracks.size() >= options.numHands()) {
                    break;
                }
                RotatedRect rect = HandRects.fromPalm(palm, width, height);
                if (coversTrackedHand(rect, width, height)) {
                    continue;
                }
                HandLandmarks result = landmarkModel.detect(image, rect);
                preprocess += landmarkModel.lastPreprocessNanos();
                landmarkTime += landmarkModel.lastInferenceNanos();
                if (result.presence() >= options.minPresenceConfidence() && !duplicatesTrackedHand(result.landmarks())) {
                    Track track = new Track(nextId++, options.smoothing());
                    track.update(result, timeNanos, width, height, options, userGestures);
                    track.view = modelView();
                    tracks.add(track);
                }
            }
        } else {
            framesSinceDetection++;
        }

        List<TrackedHand> hands = new ArrayList<>(tracks.size());
        tracks.sort(Comparator.comparingInt(t -> t.id));
        for (Track track : tracks) {
            hands.add(track.report());
        }
        long total = System.nanoTime() - start;
        return new TrackingResult(List.copyOf(hands), detect, palms,
                new FrameTimings(preprocess, palmTime, landmarkTime, Math.max(0, total - preprocess - palmTime - landmarkTime)));
    }

    /** Two tracks on one hand: keep the older. */
    private void removeDuplicates() {
        tracks.sort(Comparator.comparingInt(t -> t.id));
        List<Track> duplicates = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            for (int j = i + 1; j < tracks.size(); j++) {
                Track older = tracks.get(i);
                Track newer = tracks.get(j);
                if (!duplicates.contains(older) && HandRects.landmarkOverlap(older.last.landmarks(),
                        newer.last.landmarks()) > options.minTrackingConfidence()) {
                    duplicates.add(newer);
                }
            }
        }
        tracks.removeAll(duplicates);
    }

    /** Whether a palm's crop is where a tracked hand will be cropped anyway (MediaPipe's rect association). */
    private boolean coversTrackedHand(RotatedRect rect, int width, int height) {
        for (Track track : tracks) {
            if (HandRects.rectOverlap(rect, track.nextRect, width, height) > options.minTrackingConfidence()) {
                return true;
            }
        }
        return false;
    }

    private boolean duplicatesTrackedHand(float[] landmarks) {
        for (Track track : tracks) {
            if (HandRects.landmarkOverlap(track.last.landmarks(), landmarks) > options.minTrackingConfidence()) {
                return true;
            }
        }
        return false;
    }

    /** A hand being followed. */
    private static final class Track {
        final int id;
        final HandednessSmoother handednessSmoother = new HandednessSmoother();
        final dev.handscope.engine.gesture.GestureSmoother gestureSmoother = new dev.handscope.engine.gesture.GestureSmoother();
        dev.handscope.engine.gesture.Gesture gesture;
        final float[] landmarks = new float[HandLandmarks.COUNT * 3];
        final float[] world = new float[HandLandmarks.COUNT * 3];
        LandmarkSmoother smoother;
        HandLandmarks last;
        Handedness handedness;
        RotatedRect nextRect;
        TrackedHand.ModelView view;
        int age = -1;
        boolean smoothed;

        Track(int id, SmoothingOptions smoothing) {
            this.id = id;
            this.smoother = new LandmarkSmoother(smoothing);
        }

        void update(HandLandmarks result, long timeNanos, int width, int height, TrackerOptions options,
                    UserGestures own) {
            last = result;
            age++;
            handedness = handednessSmoother.update(Handedness.RIGHT.equals(result.handedness().label())
                    ? result.handedness().score() : 1 - result.handedness().score());
            smoothed = options.smoothing().enabled();
            if (smoothed) {
                smoother.smoothImage(result.landmarks(), landmarks, timeNanos, width, height);
                smoother.smoothWorld(result.worldLandmarks(), world, timeNanos);
            }
            // The next crop follows the raw landmarks: smoothing is for people, not for the model.
            nextRect = HandRects.fromLandmarks(result.landmarks(), width, height);
            var taught = own.match(result.worldLandmarks());
            gesture = gestureSmoother.update(taught != null ? taught
                    : GestureClassifier.classify(result.landmarks(), result.worldLandmarks(), width, height));
        }

        TrackedHand report() {
            float[] shownLandmarks = smoothed ? landmarks.clone() : last.landmarks();
            float[] shownWorld = smoothed ? world.clone() : last.worldLandmarks();
            return new TrackedHand(id, last, shownLandmarks, shownWorld, handedness, last.presence(), last.rect(), age,
                    view, gesture);
        }
    }
}
