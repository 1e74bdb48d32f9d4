package dev.handscope.engine.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.result.FaceResult;
import dev.handscope.models.catalogue.ModelCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled face models on real photos (CPU). */
class FaceModelsImageTest {
    private static final RuntimeOptions CPU = RuntimeOptions.defaults().withDevice(InferenceDevice.CPU);
    private static FaceDetectorModel detector;
    private static FaceLandmarkModel landmarker;

    @BeforeAll
    static void load() throws Exception {
        ModelCatalogue catalogue = ModelCatalogue.bundled();
        detector = FaceDetectorModel.load(catalogue.faceDetector(), CPU);
        landmarker = FaceLandmarkModel.load(catalogue.faceLandmarks(), CPU);
    }

    @AfterAll
    static void close() {
        detector.close();
        landmarker.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"faces/300wlp_AFW_134212_1_0.jpg", "faces/300wlp_AFW_134212_2_0.jpg",
        "faces/aflw_image04476.jpg", "faces/aflw_image22568.jpg", "media/woman_hands.jpg"})
    void eachFacePhotoHasAFaceWhereItsLandmarksAre(String photo) {
        try (RgbImage image = FaceImages.read(photo)) {
            List<FaceDetection> faces = detector.detect(image, FaceDetectorModel.MIN_SCORE);
            long detectNanos = detector.lastTimings().total();
            assertFalse(faces.isEmpty(), "no face found on " + photo);
            FaceDetection face = faces.get(0);
            RotatedRect crop = FaceCrop.of(face, image.width(), image.height());
            FaceLandmarks found = landmarker.landmark(image, crop);
            long landmarkNanos = landmarker.lastTimings().total();
            Landmarks points = found.landmarks();
            assertEquals(FaceLandmarks.COUNT, points.count());
            double[] box = bounds(points);
            double centerX = (box[0] + box[2]) / 2;
            double centerY = (box[1] + box[3]) / 2;
            System.out.printf(Locale.ROOT, "%s: %d face(s), score %.3f, box [%.3f %.3f %.3f %.3f], presence %.3f,"
                            + " landmark centre (%.3f, %.3f), roll %.1f deg; detector %.1f ms, landmarks %.1f ms%n",
                    photo, faces.size(), face.score(), face.xmin(), face.ymin(), face.width(), face.height(),
                    found.presence(), centerX, centerY, Math.toDegrees(crop.rotation()), detectNanos / 1e6,
                    landmarkNanos / 1e6);
            assertTrue(face.score() >= 0.5f);
            assertTrue(found.presence() > 0.9f, "presence " + found.presence());
            assertTrue(face.contains(centerX, centerY), "the landmarks' centre lies outside the detector's box");
            for (int i = 0; i < points.count(); i++) {
                assertTrue(points.x(i) >= 0 && points.x(i) <= 1 && points.y(i) >= 0 && points.y(i) <= 1,
                        "landmark " + i + " outside the image");
                assertTrue(Float.isFinite(points.z(i)));
            }
            // The landmarks fill most of the detector's box and are not much larger than it.
            double landmarkWidth = box[2] - box[0];
            assertTrue(landmarkWidth > 0.6 * face.width() && landmarkWidth < 1.6 * face.width(),
                    "landmark width " + landmarkWidth + " vs box " + face.width());
            // Unmirrored: the person's right eye (33) is left of their left eye (263) in the image.
            assertTrue(points.x(FaceCrop.RIGHT_EYE_OUTER) < points.x(FaceCrop.LEFT_EYE_OUTER));
            // z: the nose tip (1) is nearer the camera than the cheeks (234, 454); depth at the scale of x.
            assertTrue(points.z(1) < 0 && points.z(1) < points.z(234) && points.z(1) < points.z(454),
                    "nose tip z " + points.z(1));
            assertTrue(Math.max(points.z(234), points.z(454)) - points.z(1) < landmarkWidth, "depth range too large");
            // The detector's eye keypoints lie near the landmark model's eyes (within a fifth of the box).
            double eyeX = (points.x(33) + points.x(133)) / 2;
            double eyeY = (points.y(33) + points.y(133)) / 2;
            assertTrue(Math.hypot(eyeX - face.keypointX(0), eyeY - face.keypointY(0)) < 0.2 * face.width(),
                    "right eye keypoint far from the landmarks' right eye");
        }
    }

    /**
     * No face on these: the tracker reports none. The detector alone is not perfect: on the
     * thumb-up photo it fires at 0.51 on the hand (just over MediaPipe's 0.5), and the landmark
     * model's presence on that crop is what rejects it, as in MediaPipe's two-stage graph.
     */
    @ParameterizedTest
    @ValueSource(strings = {"media/gesture_thumb_up.jpg", "media/hand_landmarker_test_image.jpg",
        "media/thumbs-up.png"})
    void handOnlyImagesHaveNoFace(String photo) {
        try (RgbImage image = FaceImages.read(photo)) {
            List<FaceDetection> faces = detector.detect(image, FaceDetectorModel.MIN_SCORE);
            List<FaceDetection> weak = detector.detect(image, 0.1f);
            StringBuilder presences = new StringBuilder();
            for (FaceDetection face : faces) {
                FaceLandmarks found = landmarker.landmark(image, FaceCrop.of(face, image.width(), image.height()));
                presences.append(String.format(Locale.ROOT, " %.3f", found.presence()));
                assertTrue(face.score() < 0.6f, "a confident face on a faceless image: " + face.score());
                assertTrue(found.presence() < FaceLandmarkModel.MIN_PRESENCE, "presence " + found.presence());
            }
            FaceTracker tracker = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults());
            List<FaceResult> tracked = tracker.process(image, 0);
            System.out.printf(Locale.ROOT, "%s: %d detection(s) (landmark presence:%s); best score above 0.1: %s;"
                            + " tracked %d%n", photo, faces.size(), presences.length() == 0 ? " -" : presences,
                    weak.isEmpty() ? "none" : String.format(Locale.ROOT, "%.3f", weak.get(0).score()), tracked.size());
            assertEquals(List.of(), tracked);
        }
    }

    /**
     * The COCO-WholeBody scenes: no face claimed on any. Their annotated faces (test_coco_wholebody.json)
     * are 21 to 29 px across, about 5 px at the detector's 128x128 input, beyond the short-range model
     * (best detections measured 0.13 to 0.19, none on a face); on 000000196141 (baseball) no face is
     * visible at all (helmets, a mask, faces turned away or a few pixels).
     */
    @ParameterizedTest
    @ValueSource(strings = {"000000000785.jpg", "000000040083.jpg", "000000196141.jpg", "000000197388.jpg"})
    void theCocoScenesFacesAreTooSmallAndNoneIsClaimed(String photo) {
        try (RgbImage image = FaceImages.read("datasets/coco_wholebody/" + photo)) {
            List<FaceDetection> weak = detector.detect(image, 0.1f);
            List<FaceResult> tracked = new FaceTracker(detector, landmarker,
                    FaceTrackerOptions.defaults().withNumFaces(4)).process(image, 0);
            System.out.printf(Locale.ROOT, "%s: best detection %s, tracked %d%n", photo,
                    weak.isEmpty() ? "none" : String.format(Locale.ROOT, "%.3f", weak.get(0).score()), tracked.size());
            assertTrue(weak.isEmpty() || weak.get(0).score() < 0.3f, "a confident face on " + photo);
            assertEquals(List.of(), tracked);
        }
    }

    /**
     * Each face COCO-WholeBody annotates as visible, cut out as a square three times its size around
     * its box (so it fills a third of the image, as a face near the camera does): found in the middle
     * and tracked. Measured: scores 0.77 to 0.92, presence 0.96 to 1.00. Cut at six
     * times its size one of the four (40083, left) is already missed.
     */
    @ParameterizedTest
    @CsvSource({"000000000785.jpg, 358, 70, 26, 26", "000000040083.jpg, 79, 132, 29, 28",
        "000000040083.jpg, 334, 154, 23, 27", "000000197388.jpg, 320, 124, 21, 24"})
    void eachAnnotatedCocoFaceIsFoundWhenItFillsAThirdOfTheImage(String photo, int x, int y, int w, int h) {
        int side = 3 * Math.max(w, h);
        try (RgbImage image = FaceImages.read("datasets/coco_wholebody/" + photo);
             RgbImage crop = FaceImages.region(image, x + w / 2 - side / 2, y + h / 2 - side / 2, side, side)) {
            List<FaceDetection> faces = detector.detect(crop, FaceDetectorModel.MIN_SCORE);
            assertFalse(faces.isEmpty(), "no face in the cut-out of " + photo + " at " + x + "," + y);
            FaceDetection face = faces.get(0);
            List<FaceResult> tracked = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults())
                    .process(crop, 0);
            System.out.printf(Locale.ROOT, "%s face at %d,%d cut to %dx%d: score %.3f, centre (%.2f, %.2f),"
                            + " tracked %d%s%n", photo, x, y, crop.width(), crop.height(), face.score(), face.centerX(),
                    face.centerY(), tracked.size(), tracked.isEmpty() ? ""
                            : String.format(Locale.ROOT, ", presence %.3f", tracked.get(0).presence()));
            assertTrue(face.score() > 0.6f, "score " + face.score());
            assertEquals(0.5, face.centerX(), 0.1, "the face is in the middle of its cut-out");
            assertEquals(0.5, face.centerY(), 0.1, "the face is in the middle of its cut-out");
            assertEquals(1, tracked.size());
            assertTrue(tracked.get(0).presence() > 0.9f, "presence " + tracked.get(0).presence());
        }
    }

    /**
     * HaGRID photos with a face close to the camera (72 to 94 px wide, a seventh to a quarter of the
     * width): one face each, and nothing else claimed (measured: scores 0.63 to 0.97, the next detection
     * at most 0.12). On the other six HaGRID photos the short-range model tracks no face; that is
     * measured, not asserted, as they do show faces (hagrid_four_077fa4bf and hagrid_none_00af1db1:
     * full-length shots, faces about 40 px wide).
     */
    @ParameterizedTest
    @ValueSource(strings = {"hagrid_call_0413d5c5.jpg", "hagrid_call_044768ad.jpg", "hagrid_call_0e022ee9.jpg",
        "hagrid_rock_026fd791.jpg"})
    void aCloseFaceInAHagridPhotoIsTheOneFaceFound(String photo) {
        try (RgbImage image = FaceImages.read("media/" + photo)) {
            List<FaceDetection> faces = detector.detect(image, FaceDetectorModel.MIN_SCORE);
            List<FaceResult> tracked = new FaceTracker(detector, landmarker,
                    FaceTrackerOptions.defaults().withNumFaces(4)).process(image, 0);
            assertEquals(1, faces.size(), "detections on " + photo);
            assertEquals(1, tracked.size(), "faces tracked on " + photo);
            double[] box = bounds(tracked.get(0).landmarks());
            assertTrue(faces.get(0).contains((box[0] + box[2]) / 2, (box[1] + box[3]) / 2),
                    "the tracked face is the detected one");
            assertTrue(tracked.get(0).presence() > 0.9f, "presence " + tracked.get(0).presence());
        }
    }

    @Test
    void theTrackerKeepsOneIdOverRepeatedFramesOfAStillImage() {
        FaceTracker tracker = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults());
        try (RgbImage image = FaceImages.read("media/woman_hands.jpg")) {
            float[] first = null;
            for (int frame = 0; frame < 6; frame++) {
                List<FaceResult> faces = tracker.process(image, frame * 33_333_333L);
                assertEquals(1, faces.size(), "faces on frame " + frame);
                FaceResult face = faces.get(0);
                assertEquals(0, face.id());
                assertEquals(frame, face.age());
                assertEquals(frame == 0, tracker.detectedLastFrame(), "detector ran on frame " + frame);
                assertTrue(face.presence() > 0.9);
                assertEquals(null, face.pose());
                float[] now = face.landmarks().toArray();
                if (first == null) {
                    first = now;
                } else {
                    double worst = 0;
                    for (int i = 0; i < now.length; i += 3) {
                        worst = Math.max(worst, Math.hypot(now[i] - first[i], now[i + 1] - first[i + 1]));
                    }
                    // Following its own landmarks' crop, the face stays put (within 1% of the image).
                    assertTrue(worst < 0.01, "landmarks drifted " + worst + " by frame " + frame);
                }
            }
            System.out.printf(Locale.ROOT, "tracker, frame 5: detector %.1f ms, landmarks %.1f ms%n",
                    tracker.lastDetectorNanos() / 1e6, tracker.lastLandmarkNanos() / 1e6);
        }
    }

    /** Two photos side by side: two faces, each its own id, kept over frames; one face allowed: the best. */
    @Test
    void twoFacesSideBySideAreTrackedApart() {
        try (RgbImage a = FaceImages.read("faces/300wlp_AFW_134212_1_0.jpg");
             RgbImage b = FaceImages.read("faces/300wlp_AFW_134212_2_0.jpg");
             RgbImage both = FaceImages.sideBySide(a, b)) {
            List<FaceDetection> found = detector.detect(both, 0.5f);
            assertEquals(2, found.size(), "faces on the pair");
            FaceTracker tracker = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults().withNumFaces(2));
            for (int frame = 0; frame < 4; frame++) {
                List<FaceResult> faces = tracker.process(both, frame * 33_333_333L);
                assertEquals(2, faces.size(), "frame " + frame);
                assertEquals(List.of(0, 1), faces.stream().map(FaceResult::id).toList());
                double[] first = bounds(faces.get(0).landmarks());
                double[] second = bounds(faces.get(1).landmarks());
                assertTrue(first[2] < 0.5 && second[0] > 0.5 || second[2] < 0.5 && first[0] > 0.5,
                        "one face in each half");
                assertEquals(frame == 0, tracker.detectedLastFrame());
            }
            FaceTracker single = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults());
            List<FaceResult> one = single.process(both, 0);
            assertEquals(1, one.size());
            double[] box = bounds(one.get(0).landmarks());
            assertTrue(found.get(0).contains((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), "the best detection's face");
        }
    }

    /**
     * The photo turned a quarter clockwise: the detector's eye keypoints put the first crop short of
     * the turn; from the second frame the crop follows the landmarks' eye corners and lies a quarter
     * turn from the upright photo's tracked crop.
     */
    @Test
    void aFaceTurnedAQuarterIsFollowedWithTheCropTurnedWithIt() {
        try (RgbImage upright = FaceImages.read("faces/aflw_image04476.jpg"); RgbImage turned = new RgbImage()) {
            org.bytedeco.opencv.global.opencv_core.rotate(upright.mat(), turned.mat(),
                    org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE);
            double[] up = trackedRotations(upright);
            double[] quarter = trackedRotations(turned);
            System.out.printf(Locale.ROOT, "crop rotation over 3 frames: upright %.1f, %.1f, %.1f deg; turned %.1f,"
                    + " %.1f, %.1f deg%n", up[0], up[1], up[2], quarter[0], quarter[1], quarter[2]);
            assertEquals(up[2] + 90, quarter[2], 4, "turned crop vs upright crop + 90 degrees");
            assertTrue(Math.abs(up[2] + 90 - quarter[2]) < Math.abs(up[0] + 90 - quarter[0]),
                    "following the landmarks should correct the detector's rotation");
        }
    }

    private static double[] trackedRotations(RgbImage image) {
        FaceTracker tracker = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults());
        double[] rotations = new double[3];
        for (int frame = 0; frame < 3; frame++) {
            List<FaceResult> faces = tracker.process(image, frame * 33_333_333L);
            assertEquals(1, faces.size(), "frame " + frame);
            assertEquals(0, faces.get(0).id());
            assertTrue(faces.get(0).presence() > 0.9);
            rotations[frame] = Math.toDegrees(faces.get(0).region().rotation());
        }
        return rotations;
    }

    /**
     * The photo cut through the face: at a quarter of the box from its left edge (three quarters
     * left) the face is found, its box reaches the border and the hidden part's landmarks lie
     * beyond it (x below 0), as MediaPipe's projection gives them; cut at the middle (half a face)
     * the detector finds nothing and the tracker reports nothing.
     */
    @Test
    void aFaceCutByTheImageBorderIsFoundWithLandmarksBeyondTheBorder() {
        try (RgbImage full = FaceImages.read("faces/aflw_image04476.jpg")) {
            FaceDetection whole = detector.detect(full, 0.5f).get(0);
            int quarter = Math.round((whole.xmin() + whole.width() / 4) * full.width());
            try (RgbImage cut = FaceImages.columns(full, quarter, full.width() - quarter)) {
                List<FaceDetection> faces = detector.detect(cut, 0.5f);
                assertFalse(faces.isEmpty(), "three quarters of a face should be found");
                FaceDetection face = faces.get(0);
                FaceLandmarks found = landmarker.landmark(cut, FaceCrop.of(face, cut.width(), cut.height()));
                double[] box = bounds(found.landmarks());
                List<FaceResult> tracked = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults())
                        .process(cut, 0);
                System.out.printf(Locale.ROOT, "face cut at a quarter: score %.3f, box x [%.3f, %.3f], presence %.3f,"
                                + " landmarks x [%.3f, %.3f]; tracked %d%n", face.score(), face.xmin(),
                        face.xmin() + face.width(), found.presence(), box[0], box[2], tracked.size());
                assertTrue(face.xmin() < 0.05, "the box should reach the cut border");
                assertTrue(box[0] < 0, "the hidden part's landmarks lie beyond the border");
                assertTrue(box[2] > 0 && box[2] <= 1);
                assertEquals(found.presence() >= FaceLandmarkModel.MIN_PRESENCE ? 1 : 0, tracked.size());
            }
            int middle = Math.round(whole.centerX() * full.width());
            try (RgbImage half = FaceImages.columns(full, middle, full.width() - middle)) {
                List<FaceDetection> faces = detector.detect(half, 0.5f);
                List<FaceResult> tracked = new FaceTracker(detector, landmarker, FaceTrackerOptions.defaults())
                        .process(half, 0);
                System.out.printf(Locale.ROOT, "face cut in the middle: %d detection(s), tracked %d%n", faces.size(),
                        tracked.size());
                assertEquals(faces.isEmpty(), tracked.isEmpty());
            }
        }
    }

    /** Shrunk on a canvas of the original size: half size is found where it is, a few pixels is not. */
    @Test
    void aTinyFaceIsNotFoundAndASmallOneIs() {
        try (RgbImage photo = FaceImages.read("faces/aflw_image04476.jpg")) {
            StringBuilder report = new StringBuilder("shrunk face:");
            boolean foundSmall = false;
            boolean foundTiny = false;
            for (double factor : new double[] {0.5, 0.35, 0.25, 0.08}) {
                try (RgbImage small = FaceImages.shrunkOnCanvas(photo, factor)) {
                    List<FaceDetection> faces = detector.detect(small, 0.5f);
                    double side = faces.isEmpty() ? 0 : faces.get(0).width() * small.width();
                    report.append(String.format(Locale.ROOT, " x%.2f: %s;", factor, faces.isEmpty() ? "none"
                            : String.format(Locale.ROOT, "score %.3f, box %.0f px", faces.get(0).score(), side)));
                    if (factor == 0.5) {
                        foundSmall = !faces.isEmpty() && faces.get(0).centerX() < 0.5 && faces.get(0).centerY() < 0.5;
                    }
                    if (factor == 0.08) {
                        foundTiny = !faces.isEmpty();
                    }
                }
            }
            System.out.println(report);
            assertTrue(foundSmall, "a face at half size, top left, should be found there");
            assertFalse(foundTiny, "a face a few pixels across at 128x128 input is beyond the short-range model");
        }
    }

    @Test
    void aMissingOrMalformedModelFolderIsALoadErrorNamingIt(@TempDir Path temp) throws Exception {
        Path missing = temp.resolve("no_such_model");
        ModelLoadException gone = assertThrows(ModelLoadException.class, () -> FaceDetectorModel.load(missing, CPU));
        assertTrue(gone.getMessage().contains("no_such_model"), gone.getMessage());
        Path broken = Files.createDirectories(temp.resolve("broken_face_model"));
        Files.writeString(broken.resolve("saved_model.pb"), "not a protobuf");
        ModelLoadException bad = assertThrows(ModelLoadException.class, () -> FaceLandmarkModel.load(broken, CPU));
        assertTrue(bad.getMessage().contains("broken_face_model"), bad.getMessage());
        // A real model of another kind does not fit the face contract.
        Path palm = ModelCatalogue.bundled().model("palm_detection_full");
        ModelLoadException wrong = assertThrows(ModelLoadException.class, () -> FaceDetectorModel.load(palm, CPU));
        assertTrue(wrong.getMessage().contains("palm_detection_full"), wrong.getMessage());
        Path faceDetector = ModelCatalogue.bundled().faceDetector();
        ModelLoadException swapped = assertThrows(ModelLoadException.class,
                () -> FaceLandmarkModel.load(faceDetector, CPU));
        assertTrue(swapped.getMessage().contains("face_detection_short_range"), swapped.getMessage());
    }

    /** [minX, minY, maxX, maxY] of the landmarks. */
    static double[] bounds(Landmarks points) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < points.count(); i++) {
            box[0] = Math.min(box[0], points.x(i));
            box[1] = Math.min(box[1], points.y(i));
            box[2] = Math.max(box[2], points.x(i));
            box[3] = Math.max(box[3], points.y(i));
        }
        return box;
    }
}
