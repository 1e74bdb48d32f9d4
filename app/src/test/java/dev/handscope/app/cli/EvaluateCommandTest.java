package dev.handscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code handscope evaluate} end to end with the bundled models on mmpose's labelled samples: the
 * report's files exist and parse, and summary.json's figures are recomputed here, independently,
 * from per_hand.csv's joint errors.
 */
class EvaluateCommandTest {
    private static final Path DATASETS = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "datasets");
    private static final Path RHD = DATASETS.resolve("rhd/test_rhd.json");
    private static final Path WHOLEBODY = DATASETS.resolve("coco_wholebody/test_coco_wholebody.json");

    @TempDir
    Path temp;

    @Test
    void rhdInBothProtocolsWritesAReportWhoseFiguresTheCsvReproduces() throws IOException {
        Path report = temp.resolve("rhd");
        CommandRun run = CommandRun.run("evaluate", "--dataset", RHD.toString(), "--order", "rhd", "--report",
                report.toString(), "--worst", "2");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("a-detector") && run.out().contains("a-gt"), run.out());

        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertEquals("handscope-evaluation/1", summary.get("format").asText());
        assertEquals(3, summary.get("dataset").get("scored_images").asInt());
        List<Map<String, String>> rows = csv(report.resolve("per_hand.csv"));
        assertEquals(6, rows.size(), "3 hands x 2 protocols");
        for (JsonNode figures : summary.get("runs")) {
            String protocol = figures.get("protocol").asText();
            List<Map<String, String>> hands = rows.stream().filter(r -> r.get("protocol").equals(protocol)).toList();
            assertEquals(3, figures.get("labelled_hands").asInt());
            assertEquals(recall(hands), figures.get("recall").asDouble(), 1e-9, protocol);
            assertEquals(pck(hands, 0.1), figures.get("pck@0.1").asDouble(), 1e-9, protocol);
            assertEquals(pck(hands, 0.2), figures.get("pck@0.2").asDouble(), 1e-9, protocol);
            assertEquals(epeMean(hands), figures.get("epe_px_mean").asDouble(), 1e-3, protocol);
            // RHD has joint_cam: 3D figures from the bundled model's world landmarks
            JsonNode pose = figures.get("pose3d");
            assertEquals(3, pose.get("hands").asInt(), protocol);
            assertEquals(meanOf(hands, "pa_mpjpe_mm"), pose.get("pa_mpjpe_mm").asDouble(), 1e-3, protocol);
            assertTrue(pose.get("pa_mpjpe_mm").asDouble() < pose.get("mpjpe_mm").asDouble(),
                    "the best similarity fits at least as well as moving the wrist");
            assertTrue(pose.get("pa_mpjpe_mm").asDouble() < 40, "world landmarks in mm, not m: " + pose);
            assertEquals(5, figures.get("per_joint_class").size());
            assertEquals(21, figures.get("per_joint").size());
        }
        JsonNode detector = summary.get("runs").get(0);
        assertEquals("detector", detector.get("protocol").asText());
        assertTrue(detector.get("pck@0.2").asDouble() > 0.9, "MediaPipe finds RHD's large hands: " + detector);
        assertEquals(3, detector.get("handedness").get("known").asInt());
        assertEquals(64, detector.get("files").get(0).get("sha256").asText().length(), "model identity");

        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"), "charts embedded");
        assertFalse(html.contains("http://") || html.contains("https://"), "self-contained: no network");
        for (JsonNode figures : summary.get("runs")) {
            for (int rank = 1; rank <= 2; rank++) {
                Path drawing = report.resolve("gallery/" + figures.get("key").asText() + "-worst-" + rank + ".png");
                assertTrue(html.contains(report.relativize(drawing).toString()), drawing.toString());
                assertNotNull(ImageIO.read(drawing.toFile()), drawing.toString());
            }
        }
    }

    @Test
    void wholeBodySmallHandsWithTwoModelsReportBothAndWhereTheyDisagree() throws IOException {
        Path report = temp.resolve("wholebody");
        CommandRun run = CommandRun.run("evaluate", "--dataset", WHOLEBODY.toString(), "--compare", "lite", "--report",
                report.toString(), "--worst", "3");
        assertEquals(0, run.exit(), run.err());
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertEquals(4, summary.get("runs").size(), "two models x two protocols");
        List<Map<String, String>> rows = csv(report.resolve("per_hand.csv"));
        for (JsonNode figures : summary.get("runs")) {
            String model = figures.get("model").asText();
            String protocol = figures.get("protocol").asText();
            List<Map<String, String>> hands = rows.stream()
                    .filter(r -> r.get("model").equals(model) && r.get("protocol").equals(protocol)).toList();
            assertEquals(10, hands.size(), "10 valid hands");
            assertEquals(recall(hands), figures.get("recall").asDouble(), 1e-9);
            assertEquals(pck(hands, 0.1), figures.get("pck@0.1").asDouble(), 1e-9);
            assertTrue(figures.get("pose3d").isNull(), "COCO-WholeBody has no 3D labels");
            assertEquals(10, figures.get("handedness").get("known").asInt() + missed(hands) + unknownSide(hands));
        }
        assertFalse(summary.get("disagreements").isEmpty(), "full and lite answer differently somewhere");
        assertTrue(Files.exists(report.resolve("gallery/disagree-1-a.png")));
        assertTrue(Files.readString(report.resolve("report.html")).contains("disagree most"));
    }

    @Test
    void missingImagesAreListedSkippedAndCounted() throws IOException {
        Path images = Files.createDirectory(temp.resolve("images"));
        Files.copy(RHD.resolveSibling("00111.png"), images.resolve("00111.png"));
        Path report = temp.resolve("partial");
        CommandRun run = CommandRun.run("evaluate", "--dataset", RHD.toString(), "--images", images.toString(),
                "--order", "rhd", "--boxes", "gt", "--report", report.toString(), "--worst", "0");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("skipped image 1111") && run.err().contains("skipped image 11111"), run.err());
        JsonNode dataset = new ObjectMapper().readTree(report.resolve("summary.json").toFile()).get("dataset");
        assertEquals(1, dataset.get("scored_images").asInt());
        assertEquals(2, dataset.get("skipped_images").size());
        assertEquals(1, csv(report.resolve("per_hand.csv")).size());
    }

    @Test
    void noReadableImageIsAnErrorNotAReportOfZeros() throws IOException {
        Path report = temp.resolve("none");
        CommandRun run = CommandRun.run("evaluate", "--dataset", RHD.toString(), "--images",
                Files.createDirectory(temp.resolve("empty")).toString(), "--report", report.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("no image of") && run.err().contains("check --images"), run.err());
        assertFalse(Files.exists(report.resolve("summary.json")));
    }

    @Test
    void badOptionsAreNamed() {
        CommandRun order = CommandRun.run("evaluate", "--dataset", RHD.toString(), "--order", "coco");
        assertEquals(2, order.exit());
        assertTrue(order.err().contains("--order must be mediapipe or rhd"), order.err());
        CommandRun boxes = CommandRun.run("evaluate", "--dataset", RHD.toString(), "--boxes", "mine");
        assertEquals(2, boxes.exit());
        assertTrue(boxes.err().contains("--boxes must be detector, gt or both"), boxes.err());
        CommandRun notJson = CommandRun.run("evaluate", "--dataset", RHD.resolveSibling("00111.png").toString());
        assertEquals(1, notJson.exit());
        assertTrue(notJson.err().contains("is not valid JSON"), notJson.err());
    }

    /**
     * A one-stage family whose answer is known (FamilyFolders' YOLO-pose model, two constant hands)
     * on a dataset labelled with exactly its first hand: by its own detections it is right to the
     * pixel (the second hand is a false positive); top-down it sees only the crop around the box, so
     * its constant keypoints land where the crop's letterbox puts them, as computed here.
     */
    @Test
    void aOneStageFamilyIsScoredInBothProtocolsAsItsKnownAnswerSays() throws Exception {
        Path yolo = dev.handscope.app.FamilyFolders.yoloFolder(temp.resolve("yolo"));
        Path image = DATASETS.resolveSibling("media").resolve("woman_hands.jpg");
        float[] keypoints = new float[42];
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = 0, maxY = 0;
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            keypoints[2 * i] = (float) (dev.handscope.app.FamilyFolders.imageX(
                    dev.handscope.app.FamilyFolders.keypointX(0, i)) * 640);
            keypoints[2 * i + 1] = (float) (dev.handscope.app.FamilyFolders.imageY(
                    dev.handscope.app.FamilyFolders.keypointY(0, i)) * 960);
            minX = Math.min(minX, keypoints[2 * i]);
            maxX = Math.max(maxX, keypoints[2 * i]);
            minY = Math.min(minY, keypoints[2 * i + 1]);
            maxY = Math.max(maxY, keypoints[2 * i + 1]);
            flat.append(i == 0 ? "" : ", ").append(keypoints[2 * i]).append(", ").append(keypoints[2 * i + 1])
                    .append(", 2");
        }
        Path dataset = Files.writeString(temp.resolve("one.json"), String.format(java.util.Locale.ROOT, """
                {"images": [{"id": 1, "file_name": "%s", "width": 640, "height": 960}],
                 "annotations": [{"id": 7, "image_id": 1, "bbox": [%f, %f, %f, %f], "keypoints": [%s]}]}
                """, image.getFileName(), minX, minY, maxX - minX, maxY - minY, flat));
        Path report = temp.resolve("yolo-report");
        CommandRun run = CommandRun.run("evaluate", "--dataset", dataset.toString(), "--images",
                image.getParent().toString(), "--model", yolo.toString(), "--report", report.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode runs = new ObjectMapper().readTree(report.resolve("summary.json").toFile()).get("runs");
        JsonNode detector = runs.get(0);
        assertEquals("detector", detector.get("protocol").asText());
        assertEquals(1.0, detector.get("recall").asDouble());
        assertEquals(1, detector.get("false_positives").asInt(), "the model's second hand has no label");
        assertEquals(0, detector.get("epe_px_mean").asDouble(), 0.05, "its first hand is the label");
        assertEquals(1.0, detector.get("pck@0.04").asDouble());

        // top-down: the crop is the box's longer side x 1.5 around its centre, letterboxed into 64 x 64
        double side = Math.max(maxX - minX, maxY - minY) * 1.5;
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        int x0 = (int) Math.floor(cx - side / 2);
        int y0 = (int) Math.floor(cy - side / 2);
        int w = (int) Math.ceil(cx + side / 2) - x0;
        int h = (int) Math.ceil(cy + side / 2) - y0;
        double scale = Math.min(64.0 / w, 64.0 / h);
        double sum = 0;
        for (int i = 0; i < 21; i++) {
            double x = x0 + (dev.handscope.app.FamilyFolders.keypointX(0, i) - (64 - w * scale) / 2) / scale;
            double y = y0 + (dev.handscope.app.FamilyFolders.keypointY(0, i) - (64 - h * scale) / 2) / scale;
            sum += Math.hypot(x - keypoints[2 * i], y - keypoints[2 * i + 1]);
        }
        JsonNode gt = runs.get(1);
        assertEquals("gt", gt.get("protocol").asText());
        assertEquals(0, gt.get("false_positives").asInt());
        assertTrue(sum / 21 > 20, "the crop moves the constant answer well off the label: " + sum / 21);
        assertEquals(sum / 21, gt.get("epe_px_mean").asDouble(), 0.05, "the crop's answer, mapped back");
    }

    /** Recall: matched hands over labelled hands. */
    private static double recall(List<Map<String, String>> hands) {
        return hands.stream().filter(h -> h.get("detected").equals("true")).count() / (double) hands.size();
    }

    private static int missed(List<Map<String, String>> hands) {
        return (int) hands.stream().filter(h -> h.get("detected").equals("false")).count();
    }

    private static int unknownSide(List<Map<String, String>> hands) {
        return (int) hands.stream().filter(h -> h.get("detected").equals("true") && h.get("predicted_side").isEmpty())
                .count();
    }

    /** PCK@t over every labelled joint of every labelled hand; a missed hand's joints ("inf") are wrong. */
    private static double pck(List<Map<String, String>> hands, double t) {
        int labelled = 0;
        int within = 0;
        for (Map<String, String> hand : hands) {
            double size = Double.parseDouble(hand.get("box_size_px"));
            for (String error : jointErrors(hand)) {
                labelled++;
                if (!error.equals("inf") && Double.parseDouble(error) <= t * size) {
                    within++;
                }
            }
        }
        return within / (double) labelled;
    }

    /** EPE: mean pixel error over labelled joints of detected hands. */
    private static double epeMean(List<Map<String, String>> hands) {
        double sum = 0;
        int n = 0;
        for (Map<String, String> hand : hands) {
            for (String error : jointErrors(hand)) {
                if (!error.equals("inf")) {
                    sum += Double.parseDouble(error);
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static double meanOf(List<Map<String, String>> hands, String column) {
        return hands.stream().map(h -> h.get(column)).filter(v -> !v.isEmpty()).mapToDouble(Double::parseDouble)
                .average().orElseThrow();
    }

    /** The labelled joints' error cells of a row (unlabelled joints are empty). */
    private static List<String> jointErrors(Map<String, String> hand) {
        List<String> errors = new ArrayList<>();
        hand.forEach((column, value) -> {
            if (column.startsWith("error_px_") && !value.isEmpty()) {
                errors.add(value);
            }
        });
        assertEquals(21, hand.keySet().stream().filter(c -> c.startsWith("error_px_")).count());
        return errors;
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return rows.readAll();
        }
    }
}
