package dev.handscope.engine.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.ModelTimings;
import dev.handscope.engine.result.FaceResult;
import dev.handscope.engine.tracking.SmoothingOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FaceTracker over fake models: a scene of faces (centre, size) the fakes answer from. */
class FaceTrackerTest {
    private final RgbImage image = new RgbImage();
    private final List<double[]> scene = new ArrayList<>(); // {centreX, centreY, side, presence}
    private final FakeDetector detector = new FakeDetector();
    private final FakeLandmarker landmarker = new FakeLandmarker();

    FaceTrackerTest() {
        image.mat().create(480, 640, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
    }

    @AfterEach
    void close() {
        image.close();
    }

    @Test
    void aFaceKeepsItsIdAndTheDetectorRunsOnlyToFindFaces() {
        scene.add(new double[] {0.5, 0.5, 0.2, 0.99});
        FaceTracker tracker = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults());
        for (int frame = 0; frame < 12; frame++) {
            List<FaceResult> faces = tracker.process(image, frame * 33_000_000L);
            assertEquals(1, faces.size());
            assertEquals(0, faces.get(0).id());
            assertEquals(frame, faces.get(0).age());
            assertEquals(0.99, faces.get(0).presence(), 1e-6);
        }
        assertEquals(1, detector.calls, "numFaces 1 reached: no more detection");
        // Each later frame cropped where the landmarks were: centred on the face, 1.5 times its side.
        RotatedRect crop = landmarker.crops.get(landmarker.crops.size() - 1);
        assertEquals(0.5, crop.centerX(), 1e-6);
        assertEquals(0.2 * 640 * 1.5 / 640, crop.width(), 1e-6);
    }

    @Test
    void aFaceThatLeavesIsDroppedAndANewOneGetsANewId() {
        scene.add(new double[] {0.3, 0.5, 0.2, 0.99});
        FaceTracker tracker = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults());
        assertEquals(0, tracker.process(image, 0).get(0).id());
        scene.clear();
        assertEquals(List.of(), tracker.process(image, 33_000_000L));
        assertEquals(0, tracker.trackedCount());
        scene.add(new double[] {0.7, 0.5, 0.2, 0.99});
        List<FaceResult> faces = tracker.process(image, 66_000_000L);
        assertEquals(1, faces.size());
        assertEquals(1, faces.get(0).id());
        assertEquals(0, faces.get(0).age());
    }

    @Test
    void withRoomForMoreFacesTheDetectorRunsEveryIntervalAndSkipsTrackedOnes() {
        scene.add(new double[] {0.3, 0.5, 0.2, 0.99});
        FaceTracker tracker = new FaceTracker(detector, landmarker,
                FaceTrackerOptions.defaults().withNumFaces(2).withRedetectInterval(5));
        tracker.process(image, 0);
        assertEquals(1, detector.calls);
        for (int frame = 1; frame <= 4; frame++) {
            assertEquals(1, tracker.process(image, frame * 33_000_000L).size());
        }
        assertEquals(1, detector.calls, "frames 1-4: no detection");
        int landmarkCallsBefore = landmarker.crops.size();
        tracker.process(image, 5 * 33_000_000L);
        assertEquals(2, detector.calls, "frame 5: re-detection");
        assertEquals(landmarkCallsBefore + 1, landmarker.crops.size(), "the detected face is tracked: not re-cropped");
        scene.add(new double[] {0.75, 0.5, 0.15, 0.95});
        for (int frame = 6; frame <= 10; frame++) {
            tracker.process(image, frame * 33_000_000L);
        }
        List<FaceResult> faces = tracker.process(image, 11 * 33_000_000L);
        assertEquals(2, faces.size());
        assertEquals(List.of(0, 1), faces.stream().map(FaceResult::id).toList());
        assertEquals(3, detector.calls, "found at frame 10, then all faces tracked");
    }

    @Test
    void lowPresenceNeverStartsAFace() {
        scene.add(new double[] {0.5, 0.5, 0.2, 0.2});
        FaceTracker tracker = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults());
        for (int frame = 0; frame < 3; frame++) {
            assertEquals(List.of(), tracker.process(image, frame));
        }
        assertEquals(3, detector.calls, "nothing tracked: detect every frame");
    }

    @Test
    void smoothingSteadiesJitterAndOffPassesItThrough() {
        scene.add(new double[] {0.5, 0.5, 0.2, 0.99});
        FaceTracker smooth = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults());
        FaceTracker raw = new FaceTracker(detector, landmarker,
                FaceTrackerOptions.defaults().withSmoothing(SmoothingOptions.defaults().withEnabled(false)));
        double smoothSpread = 0;
        double rawSpread = 0;
        for (int frame = 0; frame < 30; frame++) {
            scene.get(0)[0] = 0.5 + (frame % 2 == 0 ? 0.002 : -0.002);
            float s = smooth.process(image, frame * 33_000_000L).get(0).landmarks().x(0);
            float r = raw.process(image, frame * 33_000_000L).get(0).landmarks().x(0);
            if (frame > 10) {
                smoothSpread = Math.max(smoothSpread, Math.abs(s - 0.4));
                rawSpread = Math.max(rawSpread, Math.abs(r - 0.4));
            }
        }
        assertEquals(0.002, rawSpread, 1e-5);
        assertTrue(smoothSpread < rawSpread / 2, "smoothed jitter " + smoothSpread + " vs raw " + rawSpread);
        assertNotEquals(0, smoothSpread);
    }

    /** Detects every face of the scene with its eyes level. */
    private final class FakeDetector implements FaceDetector {
        int calls;

        @Override
        public List<FaceDetection> detect(RgbImage ignored, float minScore) {
            calls++;
            List<FaceDetection> faces = new ArrayList<>();
            for (double[] f : scene) {
                double w = f[2];
                double h = f[2] * 640 / 480;
                float[] keypoints = new float[12];
                keypoints[0] = (float) (f[0] - w / 4);
                keypoints[1] = (float) (f[1] - h / 6);
                keypoints[2] = (float) (f[0] + w / 4);
                keypoints[3] = (float) (f[1] - h / 6);
                faces.add(new FaceDetection((float) (f[0] - w / 2), (float) (f[1] - h / 2), (float) w, (float) h,
                        0.9f, keypoints));
            }
            return faces;
        }

        @Override
        public ModelTimings lastTimings() {
            return ModelTimings.NONE;
        }

        @Override
        public void close() {
        }
    }

    /** Answers with the scene's face whose centre the crop holds: 468 points on its square, eye corners level. */
    private final class FakeLandmarker implements FaceLandmarker {
        final List<RotatedRect> crops = new ArrayList<>();

        @Override
        public FaceLandmarks landmark(RgbImage ignored, RotatedRect region) {
            crops.add(region);
            for (double[] f : scene) {
                if (Math.abs(f[0] - region.centerX()) < region.width() / 2
                        && Math.abs(f[1] - region.centerY()) < region.height() / 2) {
                    double w = f[2];
                    double h = f[2] * 640 / 480;
                    float[] points = new float[FaceLandmarks.COUNT * 3];
                    for (int i = 0; i < FaceLandmarks.COUNT; i++) {
                        points[3 * i] = (float) (f[0] - w / 2 + w * (i % 2));
                        points[3 * i + 1] = (float) (f[1] - h / 2 + h * ((i / 2) % 2));
                    }
                    points[3 * FaceCrop.RIGHT_EYE_OUTER + 1] = (float) f[1];
                    points[3 * FaceCrop.LEFT_EYE_OUTER + 1] = (float) f[1];
                    return new FaceLandmarks(Landmarks.of(points), (float) f[3], region);
                }
            }
            return new FaceLandmarks(Landmarks.of(new float[FaceLandmarks.COUNT * 3]), 0.01f, region);
        }

        @Override
        public ModelTimings lastTimings() {
            return ModelTimings.NONE;
        }

        @Override
        public void close() {
        }
    }
}
