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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scene of hands at known places and models that see exactly them, without any runtime: the
 * detector finds every hand in the scene, the landmarker finds the hand whose centre lies in its
 * crop. Each call reports fixed timings so sums can be checked.
 */
public final class FakeHands {
    static final ModelTimings DETECTOR_TIMINGS = new ModelTimings(1_000, 20_000, 300);
    static final ModelTimings LANDMARKER_TIMINGS = new ModelTimings(4_000, 50_000, 600);
    private static final float HALF = 0.04f;

    /** Hands by name, at their centres (image-normalised), in detection order (best first). */
    public final Map<String, float[]> hands = new LinkedHashMap<>();
    public int detectorCalls;
    public int landmarkerCalls;
    /** What the tracker last said through shareCores, and what it had said at each landmarker call. */
    private volatile boolean landmarkerShared;
    public final List<Boolean> landmarkerSharedAtCall = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The same for the detector's calls. */
    private volatile boolean detectorShared;
    public final List<Boolean> detectorSharedAtCall = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The threads each model was called on. */
    public final java.util.Set<String> detectorThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    public final java.util.Set<String> landmarkerThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Held before each detection, e.g. to keep one back (none by default). */
    public volatile java.util.concurrent.CountDownLatch detectorGate = new java.util.concurrent.CountDownLatch(0);

    public void put(String name, double x, double y) {
        hands.put(name, new float[] {(float) x, (float) y});
    }

    public void remove(String name) {
        hands.remove(name);
    }

    /** 21 points around a hand centred at (x, y), wrist below, finger tips above (upright hand). */
    static float[] pointsAround(float x, float y) {
        float[] p = new float[63];
        for (int i = 0; i < 21; i++) {
            double angle = 2 * Math.PI * i / 21;
            p[3 * i] = (float) (x + HALF * Math.sin(angle));
            p[3 * i + 1] = (float) (y - HALF * Math.cos(angle));
        }
        p[0] = x;
        p[1] = y + HALF; // wrist
        return p;
    }

    static HandLandmarks landmarksAt(float x, float y, double presence, RotatedRect rect) {
        Landmarks points = Landmarks.of(pointsAround(x, y));
        return new HandLandmarks(points, points, presence, new Handedness(Handedness.RIGHT, 0.9), rect);
    }

    private static RotatedRect boxAround(float x, float y, double imageAspect) {
        return new RotatedRect(x, y, 0.2, 0.2 * imageAspect, 0);
    }

    /** A detector with a landmarker to refine it (two-stage, like MediaPipe's). */
    public HandDetector palmDetector() {
        return new Detector(false);
    }

    /** A detector whose detections carry their landmarks (one-stage). */
    public HandDetector oneStageDetector() {
        return new Detector(true);
    }

    public HandLandmarker landmarker() {
        return new HandLandmarker() {
            @Override
            public HandLandmarks landmark(RgbImage image, RotatedRect region) {
                landmarkerCalls++;
                landmarkerSharedAtCall.add(landmarkerShared);
                landmarkerThreads.add(Thread.currentThread().getName());
                for (float[] hand : hands.values()) {
                    if (Math.abs(hand[0] - region.centerX()) < region.width() / 2
                            && Math.abs(hand[1] - region.centerY()) < region.height() / 2) {
                        return landmarksAt(hand[0], hand[1], 0.95, region);
                    }
                }
                return landmarksAt((float) region.centerX(), (float) region.centerY(), 0.05, region);
            }

            @Override
            public ModelTimings lastTimings() {
                return LANDMARKER_TIMINGS;
            }

            @Override
            public long nonFiniteOutputs() {
                return 0; // the fakes' answers are always finite
            }

            @Override
            public String runtime() {
                return "no runtime (a test fake)";
            }

            @Override
            public void shareCores(boolean shared) {
                landmarkerShared = shared;
            }

            @Override
            public ModelView lastView() {
                return new ModelView(new byte[3], 1, new float[0][]);
            }

            @Override
            public void close() {
            }
        };
    }

    private final class Detector implements HandDetector {
        private final boolean withLandmarks;

        Detector(boolean withLandmarks) {
            this.withLandmarks = withLandmarks;
        }

        @Override
        public List<HandRegion> detect(RgbImage image, double rotation, float minScore) {
            detectorCalls++;
            detectorSharedAtCall.add(detectorShared);
            detectorThreads.add(Thread.currentThread().getName());
            try {
                detectorGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double aspect = (double) image.width() / image.height();
            List<HandRegion> found = new ArrayList<>();
            for (float[] hand : hands.values()) {
                RotatedRect crop = boxAround(hand[0], hand[1], aspect);
                found.add(new HandRegion(hand[0] - HALF, hand[1] - HALF, 2 * HALF, 2 * HALF, 0.9f, new float[0], null,
                        crop, withLandmarks ? landmarksAt(hand[0], hand[1], 0.95, crop) : null));
            }
            return found;
        }

        @Override
        public ModelTimings lastTimings() {
            return DETECTOR_TIMINGS;
        }

        @Override
        public long nonFiniteOutputs() {
            return 0;
        }

        @Override
        public String runtime() {
            return "no runtime (a test fake)";
        }

        @Override
        public void shareCores(boolean shared) {
            detectorShared = shared;
        }

        @Override
        public void close() {
        }
    }
}
