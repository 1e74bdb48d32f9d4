package dev.handscope.app.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.eval.CameraIntrinsics;
import dev.handscope.engine.eval.Dataset;
import dev.handscope.engine.eval.HandSide;
import dev.handscope.engine.eval.KeypointOrder;
import dev.handscope.engine.eval.LabelledHand;
import dev.handscope.engine.eval.LabelledImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The COCO-keypoint reader on mmpose's RHD and COCO-WholeBody samples, and on broken files. */
class CocoKeypointReaderTest {
    private static final Path DATASETS = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "datasets");
    private static final Path RHD = DATASETS.resolve("rhd");
    private static final Path WHOLE_BODY = DATASETS.resolve("coco_wholebody");
    private static final float PX = 1e-3f;

    @Test
    void readsRhdInMediaPipeOrderWithCameraJointsAndSides() throws Exception {
        Dataset rhd = CocoKeypointReader.read(RHD.resolve("test_rhd.json"), RHD, KeypointOrder.RHD);

        assertEquals("test_rhd.json", rhd.name());
        assertEquals(List.of(111L, 1111L, 11111L), rhd.images().stream().map(LabelledImage::id).toList());
        assertEquals(3, rhd.handCount());
        LabelledImage first = rhd.images().get(0);
        assertEquals("00111.png", first.fileName());
        assertEquals(320, first.width());
        assertEquals(new CameraIntrinsics(299.0, 299.0, 160.0, 160.0), first.camera());
        LabelledHand hand = first.hands().get(0);
        assertEquals(111L, hand.id());
        assertEquals(21, hand.labelledCount());
        // test_rhd.json, annotation 111: keypoints[0] = [245.8, 73.98, 1] (wrist),
        // keypoints[1] = [170.4, 115.0, 1] (RHD's thumb tip, MediaPipe's joint 4).
        assertEquals(245.8f, hand.x(0), PX);
        assertEquals(73.98f, hand.y(0), PX);
        assertEquals(170.4f, hand.x(4), PX);
        assertEquals(115.0f, hand.y(4), PX);
        // joint_cam[1] = [17.09, -73.71, 489.5] mm, the thumb tip's, lands on joint 4 too.
        assertNotNull(hand.jointCam());
        assertArrayEquals(new float[] {17.09f, -73.71f, 489.5f}, slice(hand.jointCam(), 4 * 3, 3), 1e-2f);
        assertArrayEquals(new float[] {117.9f, -118.2f, 411.0f}, slice(hand.jointCam(), 0, 3), 1e-2f);
        assertArrayEquals(new double[] {162.57, 63.858, 93.96, 121.464}, hand.box(), 1e-3);
        assertEquals(List.of(HandSide.LEFT, HandSide.LEFT, HandSide.RIGHT), sides(rhd));
        assertTrue(CocoKeypointReader.missingImages(rhd).isEmpty());
    }

    @Test
    void theKeypointOrderMatters() throws Exception {
        Dataset asMediaPipe = CocoKeypointReader.read(RHD.resolve("test_rhd.json"), RHD, KeypointOrder.MEDIAPIPE);

        LabelledHand hand = asMediaPipe.images().get(0).hands().get(0);
        assertEquals(245.8f, hand.x(0), PX);
        // Unmapped, joint 4 is RHD's thumb base keypoints[4] = [220.0, 82.51], not the tip at 170.4.
        assertNotEquals(170.4f, hand.x(4), 1f);
        assertEquals(220.0f, hand.x(4), PX);
        assertEquals(82.51f, hand.y(4), PX);
    }

    @Test
    void readsEachValidWholeBodyHandWithItsSideAndBox() throws Exception {
        DatasetReading reading = CocoKeypointReader.load(WHOLE_BODY.resolve("test_coco_wholebody.json"), WHOLE_BODY,
                KeypointOrder.MEDIAPIPE);
        Dataset coco = reading.dataset();

        assertEquals(4, coco.images().size());
        assertEquals(10, coco.handCount());
        assertEquals(0, reading.unlabelledHands());
        assertEquals(0, reading.imagesWithoutHands());
        assertEquals(5, sides(coco).stream().filter(HandSide.LEFT::equals).count());
        assertEquals(5, sides(coco).stream().filter(HandSide.RIGHT::equals).count());
        assertNull(coco.images().get(0).camera());
        // Annotation 442619 (image 785): only its right hand is valid, righthand_box
        // [280.43, 173.12, 27.86, 24.85], righthand_kpts starting [304.10366, 181.75134, 1] (wrist) and
        // [290.1, 187.8, 1] at joint 4 (the thumb tip). Its 17 body keypoints are not read as a hand.
        LabelledHand hand = coco.images().get(0).hands().get(0);
        assertEquals(442619L * 2 + 1, hand.id());
        assertEquals(HandSide.RIGHT, hand.side());
        assertArrayEquals(new double[] {280.43, 173.12, 27.86, 24.85}, hand.box(), 1e-6);
        assertEquals(304.10366f, hand.x(0), PX);
        assertEquals(290.1f, hand.x(4), PX);
        assertEquals(187.8f, hand.y(4), PX);
        assertNull(hand.jointCam());
        assertTrue(coco.images().stream().flatMap(i -> i.hands().stream()).allMatch(h -> h.size() < 31));
    }

    @Test
    void wholeBodyHandsMarkedValidWithoutLabelledJointsAreSkippedAndCounted(@TempDir Path dir) throws Exception {
        String empty = IntStream.range(0, 63).mapToObj(i -> "0").collect(Collectors.joining(","));
        String labelled = IntStream.range(0, 63).mapToObj(i -> i % 3 == 2 ? "1" : "5").collect(Collectors.joining(","));
        String body = IntStream.range(0, 51).mapToObj(i -> "1").collect(Collectors.joining(","));
        String second = "{\"id\":2,\"file_name\":\"b.png\",\"width\":8,\"height\":8}";
        Path file = write(dir, "{\"images\":[" + IMAGE + "," + second + "],"
                + "\"annotations\":[{\"id\":3,\"image_id\":1,\"keypoints\":[" + body + "],"
                + "\"lefthand_valid\":true,\"lefthand_box\":[0,0,4,4],\"lefthand_kpts\":[" + empty + "],"
                + "\"righthand_valid\":true,\"righthand_box\":[1,2,3,4],\"righthand_kpts\":[" + labelled + "]},"
                + "{\"id\":4,\"image_id\":2,\"lefthand_valid\":false,\"lefthand_box\":[0,0,0,0],"
                + "\"lefthand_kpts\":[" + empty + "],\"righthand_valid\":true,\"righthand_box\":[0,0,4,4],"
                + "\"righthand_kpts\":[" + empty + "]}]}");

        DatasetReading reading = CocoKeypointReader.load(file, dir, KeypointOrder.MEDIAPIPE);

        assertEquals(2, reading.unlabelledHands());
        assertEquals(1, reading.imagesWithoutHands());
        LabelledHand right = reading.dataset().images().get(0).hands().get(0);
        assertEquals(1, reading.dataset().handCount());
        assertEquals(3L * 2 + 1, right.id());
        assertEquals(HandSide.RIGHT, right.side());
        assertEquals(21, right.labelledCount());
    }

    @Test
    void aWrongKeypointCountNamesTheAnnotationAndTheCount(@TempDir Path dir) throws IOException {
        String keypoints = IntStream.range(0, 60).mapToObj(i -> "1").collect(Collectors.joining(","));
        Path file = write(dir, "{\"images\":[" + IMAGE + "],\"annotations\":[{\"id\":42,\"image_id\":1,"
                + "\"bbox\":[0,0,10,10],\"keypoints\":[" + keypoints + "]}]}");

        String message = failure(file, dir);
        assertContains(message, "annotation 42: keypoints has 60 numbers, a hand needs 63 (21 x, y, v)");
        assertContains(message, file.toString());
    }

    @Test
    void aDatasetWithoutLabelledHandsIsAnError(@TempDir Path dir) throws IOException {
        String unlabelled = IntStream.range(0, 63).mapToObj(i -> "0").collect(Collectors.joining(","));
        Path file = write(dir, "{\"images\":[" + IMAGE + "],\"annotations\":[{\"id\":1,\"image_id\":1,"
                + "\"bbox\":[0,0,10,10],\"keypoints\":[" + unlabelled + "]}]}");

        String message = failure(file, dir);
        assertContains(message, "holds no labelled hand");
        assertContains(message, "1 hands without a labelled joint");
    }

    @Test
    void notJsonNamesTheLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = write(dir, "{\n  \"images\": [\n    oops\n]}");

        String message = failure(file, dir);
        assertContains(message, "is not valid JSON at line 3, column");
        assertTrue(!message.contains("\tat "), message);
    }

    @Test
    void anAnnotationOfAnUnknownImageIsAnError(@TempDir Path dir) throws IOException {
        Path file = write(dir, "{\"images\":[" + IMAGE + "],\"annotations\":[{\"id\":7,\"image_id\":99,"
                + "\"bbox\":[0,0,10,10],\"keypoints\":[]}]}");

        assertContains(failure(file, dir), "annotation 7: image_id 99 is not among the images");
    }

    @Test
    void missingListsAreNamed(@TempDir Path dir) throws IOException {
        assertContains(failure(write(dir, "{\"images\":[]}"), dir), "has no annotations list");
        assertContains(failure(write(dir, "{\"annotations\":[]}"), dir), "has no images list");
    }

    @Test
    void aMissingFileOrFolderIsNamed(@TempDir Path dir) throws IOException {
        Path absent = dir.resolve("absent.json");
        assertContains(failure(absent, dir), "annotation file " + absent + " does not exist");

        Path file = write(dir, "{\"images\":[],\"annotations\":[]}");
        Path noFolder = dir.resolve("no-images");
        assertContains(failure(file, noFolder), "image folder " + noFolder + " does not exist");
    }

    @Test
    void missingImagesListsFilesThatAreNotThere(@TempDir Path dir) throws Exception {
        Files.copy(RHD.resolve("00111.png"), dir.resolve("00111.png"));

        Dataset rhd = CocoKeypointReader.read(RHD.resolve("test_rhd.json"), dir, KeypointOrder.RHD);

        assertEquals(List.of("01111.png", "11111.png"),
                CocoKeypointReader.missingImages(rhd).stream().map(LabelledImage::fileName).toList());
    }

    private static final String IMAGE = "{\"id\":1,\"file_name\":\"a.png\",\"width\":64,\"height\":64}";

    private static Path write(Path dir, String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "annotations", ".json"), json);
    }

    private static String failure(Path file, Path folder) {
        return assertThrows(DatasetException.class,
                () -> CocoKeypointReader.read(file, folder, KeypointOrder.MEDIAPIPE)).getMessage();
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "'" + message + "' should contain '" + part + "'");
    }

    private static List<HandSide> sides(Dataset dataset) {
        return dataset.images().stream().flatMap(i -> i.hands().stream()).map(LabelledHand::side).toList();
    }

    private static float[] slice(float[] values, int from, int length) {
        float[] out = new float[length];
        System.arraycopy(values, from, out, 0, length);
        return out;
    }
}
