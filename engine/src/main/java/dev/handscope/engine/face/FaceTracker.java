package dev.handscope.engine.face;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.result.FaceResult;
import dev.handscope.engine.tracking.HandRects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Follows faces from frame to frame, two-stage like MediaPipe's face mesh and HandTracker: each
 * tracked face is cropped where its landmarks put it last frame, so the detector runs only to find
 * faces: every frame while none is tracked, every {@code redetectInterval} frames while fewer than
 * {@code numFaces} are, never once all are. A face whose presence falls below the threshold is
 * dropped; a detection over a tracked face is ignored; two tracks on one face keep the older id.
 * Landmarks are One Euro smoothed for the result; the next crop follows the raw ones. Poses in the
 * results are left null (a later stage fills them). Not thread-safe: one tracker per inference thread.
 */
public final class FaceTracker {
    private final FaceDetector detector;
    private final FaceLandmarker landmarker;
    private final List<Track> tracks = new ArrayList<>();
    private FaceTrackerOptions options;
    private int nextId;
    private int framesSinceDetection;
    private boolean detectedLastFrame;
    private long detectorNanos;
    private long landmarkNanos;

    public FaceTracker(FaceDetector detector, FaceLandmarker landmarker, FaceTrackerOptions options) {
        this.detector = Objects.requireNonNull(detector);
        this.landmarker = Objects.requireNonNull(landmarker);
        this.options = Objects.requireNonNull(options);
    }

    /** New settings take effect on the next frame; smoothing changes restart the filters. */
    public void setOptions(FaceTrackerOptions value) {
        boolean smoothingChanged = !value.smoothing().equals(options.smoothing());
        options = value;
        if (smoothingChanged) {
            tracks.forEach(track -> track.smoother = new FaceLandmarkSmoother(value.smoothing(), FaceLandmarks.COUNT));
        }
        while (tracks.size() > value.numFaces()) {
            tracks.remove(tracks.size() - 1);
        }
    }

    /** Faces being followed now. */
    public int trackedCount() {
        return tracks.size();
    }

    /** Whether the detector ran on the last frame. */
    public boolean detectedLastFrame() {
        return detectedLastFrame;
    }

    /** Detector and landmark model time of the last frame, in nanoseconds (all stages of each call). */
    public long lastDetectorNanos() {
        return detectorNanos;
    }

    public long lastLandmarkNanos() {
        return landmarkNanos;
    }

    /** Forgets every face (e.g. when the source changes). */
    public void reset() {
        tracks.clear();
        framesSinceDetection = 0;
    }

    /**
     * Finds and follows faces in one frame.
     *
     * @param timeNanos frame time, for smoothing
     * @return the faces tracked after this frame, by id; pose and pnpPose null
     */
    public List<FaceResult> process(RgbImage image, long timeNanos) {
        detectorNanos = 0;
        landmarkNanos = 0;
        int width = image.width();
        int height = image.height();
        followTracks(image, timeNanos);
        boolean detect = tracks.size() < options.numFaces()
                && (tracks.isEmpty() || framesSinceDetection + 1 >= options.redetectInterval());
        detectedLastFrame = detect;
        framesSinceDetection = detect ? 0 : framesSinceDetection + 1;
        if (detect) {
            List<FaceDetection> faces = detector.detect(image, (float) options.minDetectionConfidence());
            detectorNanos += detector.lastTimings().total();
            for (FaceDetection face : faces) {
                if (tracks.size() >= options.numFaces()) {
                    break;
                }
                RotatedRect crop = FaceCrop.of(face, width, height);
                if (!coversTrackedFace(crop, width, height)) {
                    startTrack(landmark(image, crop), timeNanos, width, height);
                }
            }
        }
        tracks.sort(Comparator.comparingInt(t -> t.id));
        List<FaceResult> results = new ArrayList<>(tracks.size());
        for (Track track : tracks) {
            results.add(track.report());
        }
        return results;
    }

    private void followTracks(RgbImage image, long timeNanos) {
        List<Track> lost = new ArrayList<>();
        for (Track track : tracks) {
            FaceLandmarks result = landmark(image, track.nextRect);
            if (!(result.presence() >= options.minPresenceConfidence())) {
                lost.add(track);
            } else {
                track.update(result, timeNanos, image.width(), image.height(), options);
            }
        }
        tracks.removeAll(lost);
        removeDuplicates();
    }

    private FaceLandmarks landmark(RgbImage image, RotatedRect crop) {
        FaceLandmarks result = landmarker.landmark(image, crop);
        ModelTimings timings = landmarker.lastTimings();
        landmarkNanos += timings.total();
        return result;
    }

    private void startTrack(FaceLandmarks found, long timeNanos, int width, int height) {
        if (!(found.presence() >= options.minPresenceConfidence())) {
            return;
        }
        float[] points = found.landmarks().toArray();
        for (Track track : tracks) {
            if (HandRects.landmarkOverlap(track.raw, points) > options.minTrackingConfidence()) {
                return;
            }
        }
        Track track = new Track(nextId++, options);
        track.update(found, timeNanos, width, height, options);
        tracks.add(track);
    }

    private void removeDuplicates() {
        tracks.sort(Comparator.comparingInt(t -> t.id));
        List<Track> duplicates = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            for (int j = i + 1; j < tracks.size(); j++) {
                if (!duplicates.contains(tracks.get(i))
                        && HandRects.landmarkOverlap(tracks.get(i).raw, tracks.get(j).raw)
                        > options.minTrackingConfidence()) {
                    duplicates.add(tracks.get(j));
                }
            }
        }
        tracks.removeAll(duplicates);
    }

    private boolean coversTrackedFace(RotatedRect rect, int width, int height) {
        for (Track track : tracks) {
            if (HandRects.rectOverlap(rect, track.nextRect, width, height) > options.minTrackingConfidence()) {
                return true;
            }
        }
        return false;
    }

    /** A face being followed. */
    private static final class Track {
        final int id;
        final float[] raw = new float[FaceLandmarks.COUNT * 3];
        final float[] smoothed = new float[FaceLandmarks.COUNT * 3];
        FaceLandmarkSmoother smoother;
        FaceLandmarks last;
        RotatedRect nextRect;
        int age = -1;
        boolean isSmoothed;

        Track(int id, FaceTrackerOptions options) {
            this.id = id;
            this.smoother = new FaceLandmarkSmoother(options.smoothing(), FaceLandmarks.COUNT);
        }

        void update(FaceLandmarks result, long timeNanos, int width, int height, FaceTrackerOptions options) {
            last = result;
            age++;
            result.landmarks().copyInto(raw);
            isSmoothed = options.smoothing().enabled();
            if (isSmoothed) {
                smoother.smooth(raw, smoothed, timeNanos, width, height);
            }
            nextRect = FaceCrop.fromLandmarks(raw, width, height);
        }

        FaceResult report() {
            Landmarks shown = isSmoothed ? Landmarks.of(smoothed) : last.landmarks();
            return new FaceResult(id, age, shown, last.presence(), last.region(), null, null);
        }
    }
}
