package dev.handscope.engine.family.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.ModelContract;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.inference.SavedModelRunner;
import dev.handscope.engine.inference.TensorContract;
import dev.handscope.engine.landmarks.CropGeometry;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.models.convert.ModelManifest;
import dev.handscope.models.convert.TfliteConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real weights for the heatmap decoder: MediaPipe's BlazePose landmark model (lite) regresses 39
 * landmarks ({@code Identity}: x, y, z, visibility logit, presence logit each; x, y in 256-pixel crop
 * units) and also outputs heatmap logits for them ({@code Identity_3}, [1, 64, 64, 39], NHWC). On
 * crops of the people in the shared COCO photos, the heatmap decoder's peaks (cell (x, y) at input
 * pixel (4x, 4y)) must land where the model's own regression puts the visible body keypoints.
 *
 * <p>The model is converted here by HandScope's own converter from {@code models/tflite-test}
 * (test-only, not in the models jar; provenance in that folder's PROVENANCE).
 */
class BlazePoseHeatmapTest {
    private static final Path SHARED = Path.of(System.getProperty("handscope.shared", "../../shared"));
    private static final Path COCO = SHARED.resolve("testdata/datasets/coco_wholebody");
    private static final Path MODEL_DIR = Path.of("../models/tflite-test");
    private static final Path TFLITE = MODEL_DIR.resolve("pose_landmark_lite.tflite");
    private static final String SHA256 = "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61";

    private static final int SIDE = 256;
    private static final int HM = 64;
    private static final int STRIDE = SIDE / HM;
    private static final int LANDMARKS = 39;
    /** Landmarks 0..32 are the body; 33..38 are auxiliary (ROI) points. */
    private static final int BODY = 33;
    /** A keypoint is compared when the regression's sigmoid(visibility) and sigmoid(presence) both reach this. */
    private static final double VISIBLE = 0.9;
    /**
     * ... and its heatmap's peak, sigmoid(max logit), reaches this: the confidence from which MediaPipe's
     * RefineLandmarksFromHeatmapCalculator uses a heatmap (min_confidence_to_refine, default 0.5).
     */
    private static final double HEATMAP_CONFIDENT = 0.5;
    /** MediaPipe's pose graph takes a crop as holding a pose when Identity_1 (the pose flag) reaches this. */
    private static final double POSE_PRESENT = 0.5;
    /** MediaPipe grows its pose ROI by 1.25 into a square; the COCO box, grown so, stands in for it here. */
    private static final double ROI_SCALE = 1.25;
    /** People smaller than this (longer bbox side, image pixels) or with fewer COCO keypoints are left out. */
    private static final double MIN_PERSON_SIDE = 140;
    private static final int MIN_COCO_KEYPOINTS = 10;

    /**
     * A crop is crowded when another annotated person has this much of its box inside it: there the two heads
     * may follow different people (seen on 000000197388), so such crops are printed but not held.
     */
    private static final double CROWDED = 0.5;
    /** A crop is held only with at least this many compared keypoints (a median of fewer says little). */
    private static final int MIN_CROP_KEYPOINTS = 5;

    /** Held per uncrowded person crop, for every decode method: 1.5 heatmap cells (crop pixels of 256). */
    static final double MEDIAN_LIMIT = 6.0;
    /** Held over the held crops' keypoints together, for every decode method: under one heatmap cell. */
    static final double OVERALL_MEDIAN_LIMIT = 3.5;
    /** At least this many crops and keypoints must be held, so the test cannot pass on nothing. */
    private static final int MIN_PEOPLE = 5;
    private static final int MIN_KEYPOINTS = 60;

    @TempDir
    static Path work;
    private static SavedModelRunner runner;
    private static int landmarksOutput;
    private static int heatmapsOutput;
    private static int poseFlagOutput;
    private static List<Crop> crops;

    @BeforeAll
    static void convertAndLoad() throws Exception {
        assertEquals(SHA256, TfliteConverter.sha256(TFLITE), "models/tflite-test/pose_landmark_lite.tflite changed");
        String[] provenance = provenance(MODEL_DIR.resolve("PROVENANCE"));
        Path savedModel = work.resolve("pose_landmark_lite");
        ModelManifest manifest = TfliteConverter.convert(TFLITE, savedModel, provenance[0], provenance[1]);
        assertEquals("@mediapipe/pose@0.5.1675469404", manifest.source().origin());
        ModelContract contract = SavedModelRunner.describe(savedModel, TfliteConverter.SIGNATURE);
        assertEquals(List.of(1L, 256L, 256L, 3L), Arrays.stream(contract.input().shape()).boxed().toList());
        landmarksOutput = outputIndex(contract, "identity", 1, LANDMARKS * 5);
        heatmapsOutput = outputIndex(contract, "identity_3", 1, HM, HM, LANDMARKS);
        poseFlagOutput = outputIndex(contract, "identity_1", 1, 1);
        runner = SavedModelRunner.load(savedModel, contract,
                RuntimeOptions.defaults().withDevice(InferenceDevice.CPU));
        crops = crops();
    }

    @AfterAll
    static void close() {
        if (runner != null) {
            runner.close();
        }
    }

    /** "package@version" and the licence's first word, from a PROVENANCE file. */
    private static String[] provenance(Path file) throws IOException {
        String pkg = null;
        String version = null;
        String licence = null;
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (line.startsWith("#") || colon < 0) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            switch (line.substring(0, colon).trim()) {
                case "package" -> pkg = value;
                case "version" -> version = value;
                case "licence" -> licence = value.split(" ")[0];
                default -> { }
            }
        }
        assertTrue(pkg != null && version != null && licence != null, file + " lacks package, version or licence");
        return new String[] {pkg + "@" + version, licence};
    }

    private static int outputIndex(ModelContract contract, String name, long... shape) {
        List<TensorContract> outputs = contract.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).name().equals(name)) {
                assertEquals(Arrays.stream(shape).boxed().toList(),
                        Arrays.stream(outputs.get(i).shape()).boxed().toList(), name + "'s shape");
                return i;
            }
        }
        throw new AssertionError("the converted model has no output '" + name + "': " + outputs);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** One person crop: the model's regressed landmarks and its heatmap logits. */
    record Crop(String label, boolean crowded, float[] landmarks, float[] heatmaps) {
    }

    /** Whether another annotated person (with keypoints) has at least half its box inside the square crop. */
    private static boolean crowded(JsonNode coco, JsonNode person, double x0, double y0, double side) {
        for (JsonNode other : coco.get("annotations")) {
            if (other.get("id").asLong() == person.get("id").asLong()
                    || other.get("image_id").asLong() != person.get("image_id").asLong()
                    || other.get("num_keypoints").asInt() == 0) {
                continue;
            }
            JsonNode b = other.get("bbox");
            double bx = b.get(0).asDouble();
            double by = b.get(1).asDouble();
            double bw = b.get(2).asDouble();
            double bh = b.get(3).asDouble();
            double ix = Math.max(0, Math.min(x0 + side, bx + bw) - Math.max(x0, bx));
            double iy = Math.max(0, Math.min(y0 + side, by + bh) - Math.max(y0, by));
            if (ix * iy >= CROWDED * bw * bh) {
                return true;
            }
        }
        return false;
    }

    /** Crops every large enough, annotated person of the shared COCO photos and runs the model on it. */
    private static List<Crop> crops() throws IOException {
        JsonNode coco = new ObjectMapper().readTree(COCO.resolve("test_coco_wholebody.json").toFile());
        Map<Long, String> files = new LinkedHashMap<>();
        for (JsonNode image : coco.get("images")) {
            files.put(image.get("id").asLong(), image.get("file_name").asText());
        }
        List<Crop> list = new ArrayList<>();
        try (ModelInputWarp warp = new ModelInputWarp(SIDE)) {
            for (Map.Entry<Long, String> file : files.entrySet()) {
                RgbImage image = RgbImage.read(COCO.resolve(file.getValue()));
                assertTrue(image != null, "cannot read " + file.getValue());
                try (image) {
                    for (JsonNode person : coco.get("annotations")) {
                        JsonNode box = person.get("bbox");
                        double w = box.get(2).asDouble();
                        double h = box.get(3).asDouble();
                        if (person.get("image_id").asLong() != file.getKey() || person.get("iscrowd").asInt() != 0
                                || person.get("num_keypoints").asInt() < MIN_COCO_KEYPOINTS
                                || Math.max(w, h) < MIN_PERSON_SIDE) {
                            continue;
                        }
                        double side = Math.max(w, h) * ROI_SCALE;
                        double cx = box.get(0).asDouble() + w / 2;
                        double cy = box.get(1).asDouble() + h / 2;
                        CropGeometry crop = new CropGeometry(new RotatedRect(cx / image.width(), cy / image.height(),
                                side / image.width(), side / image.height(), 0), image.width(), image.height(), SIDE);
                        warp.warp(image, crop.cropToImageAffine(), runner.input());
                        runner.run();
                        if (runner.output(poseFlagOutput)[0] < POSE_PRESENT) {
                            System.out.printf(Locale.ROOT, "BlazePose %s#%d: no pose (flag %.2f), left out%n",
                                    file.getValue(), person.get("id").asLong(), runner.output(poseFlagOutput)[0]);
                            continue;
                        }
                        list.add(new Crop(file.getValue().replace(".jpg", "") + "#" + person.get("id").asLong(),
                                crowded(coco, person, cx - side / 2, cy - side / 2, side), runner.output(landmarksOutput).clone(), runner.output(heatmapsOutput).clone()));
                    }
                }
            }
        }
        return list;
    }

    /** Distances (crop pixels) between decoded heatmap peaks and regressed x, y of the visible body keypoints. */
    private static List<Double> disagreements(Crop crop, HeatmapDecoder decoder, boolean sigmoidFirst,
                                              double cellOffset) {
        float[] maps = crop.heatmaps();
        if (sigmoidFirst) {
            maps = maps.clone();
            for (int i = 0; i < maps.length; i++) {
                maps[i] = (float) sigmoid(maps[i]);
            }
        }
        List<Double> distances = new ArrayList<>();
        for (int k = 0; k < BODY; k++) {
            float[] lm = crop.landmarks();
            double x = lm[k * 5];
            double y = lm[k * 5 + 1];
            if (sigmoid(lm[k * 5 + 3]) < VISIBLE || sigmoid(lm[k * 5 + 4]) < VISIBLE
                    || x < 0 || y < 0 || x >= SIDE || y >= SIDE
                    || sigmoid(maxLogit(crop.heatmaps(), k)) < HEATMAP_CONFIDENT) {
                continue;
            }
            Peak peak = decoder.decode(maps, k);
            assertTrue(peak.finite(), crop.label() + " keypoint " + k + ": non-finite heatmap");
            double px = (peak.x() + cellOffset) * STRIDE;
            double py = (peak.y() + cellOffset) * STRIDE;
            distances.add(Math.hypot(px - x, py - y));
        }
        return distances;
    }

    /**
     * What each method decodes: DARK fits a Gaussian to the log of the map, so it gets probabilities
     * (sigmoid of the logits); argmax+quarter is the same on both, and soft-argmax takes the logits
     * (its negative values counted as 0), as a sigmoid's background over the whole map drags its centre of
     * mass to the map's middle.
     */
    static boolean probabilities(HeatmapDecode method) {
        return method == HeatmapDecode.DARK;
    }

    private static double maxLogit(float[] maps, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = k; i < maps.length; i += LANDMARKS) {
            max = Math.max(max, maps[i]);
        }
        return max;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    @Test
    void heatmapPeaksAgreeWithRegressedLandmarksOfVisibleBodyKeypoints() {
        Map<HeatmapDecode, List<Double>> all = new EnumMap<>(HeatmapDecode.class);
        List<String> failures = new ArrayList<>();
        int held = 0;
        for (HeatmapDecode method : HeatmapDecode.values()) {
            HeatmapDecoder decoder = new HeatmapDecoder(method, HeatmapLayout.NHWC, HM, HM, LANDMARKS,
                    HeatmapDecoder.DEFAULT_BLUR_KERNEL);
            List<Double> together = new ArrayList<>();
            held = 0;
            for (Crop crop : crops) {
                List<Double> d = disagreements(crop, decoder, probabilities(method), 0);
                boolean holds = !crop.crowded() && d.size() >= MIN_CROP_KEYPOINTS;
                System.out.printf(Locale.ROOT, "BlazePose %-22s %-14s %2d keypoints: median %6.2f px, max %6.2f px%s%n",
                        crop.label(), method, d.size(), d.isEmpty() ? Double.NaN : median(d), max(d),
                        holds ? "" : crop.crowded() ? "  (crowded: not held)" : "  (too few keypoints: not held)");
                if (!holds) {
                    continue;
                }
                held++;
                together.addAll(d);
                if (median(d) > MEDIAN_LIMIT) {
                    failures.add(String.format(Locale.ROOT, "%s %s: median %.2f px > %.1f", crop.label(), method,
                            median(d), MEDIAN_LIMIT));
                }
            }
            all.put(method, together);
        }
        assertTrue(held >= MIN_PEOPLE, "only " + held + " person crops held");
        for (Map.Entry<HeatmapDecode, List<Double>> e : all.entrySet()) {
            List<Double> d = e.getValue();
            assertTrue(d.size() >= MIN_KEYPOINTS, e.getKey() + ": only " + d.size() + " visible keypoints compared");
            System.out.printf(Locale.ROOT, "BlazePose %d held crops %-14s %3d keypoints: median %5.2f px, max %6.2f px%n",
                    held, e.getKey(), d.size(), median(d), max(d));
            if (median(d) > OVERALL_MEDIAN_LIMIT) {
                failures.add(String.format(Locale.ROOT, "all %s: median %.2f px > %.1f", e.getKey(), median(d),
                        OVERALL_MEDIAN_LIMIT));
            }
        }
        assertTrue(failures.isEmpty(), "heatmap peaks and regressed landmarks disagree: " + failures);
    }

    /**
     * MediaPipe's own refinement reads cell (x, y) as input pixel (4x, 4y); half-cell centres
     * ((x + 0.5) 4) must agree worse, and a sigmoid before decoding (the maps are logits) is reported too.
     */
    @Test
    void cornerCellRuleAgreesBetterThanCentredCells() {
        for (HeatmapDecode method : HeatmapDecode.values()) {
            HeatmapDecoder decoder = new HeatmapDecoder(method, HeatmapLayout.NHWC, HM, HM, LANDMARKS,
                    HeatmapDecoder.DEFAULT_BLUR_KERNEL);
            List<Double> corner = new ArrayList<>();
            List<Double> centred = new ArrayList<>();
            List<Double> logits = new ArrayList<>();
            List<Double> sigmoids = new ArrayList<>();
            for (Crop crop : crops) {
                if (crop.crowded()) {
                    continue;
                }
                corner.addAll(disagreements(crop, decoder, probabilities(method), 0));
                centred.addAll(disagreements(crop, decoder, probabilities(method), 0.5));
                logits.addAll(disagreements(crop, decoder, false, 0));
                sigmoids.addAll(disagreements(crop, decoder, true, 0));
            }
            System.out.printf(Locale.ROOT, "BlazePose %-14s %s: median x*4 %5.2f px, (x+0.5)*4 %5.2f px; x*4 on logits "
                    + "%5.2f (max %6.2f), on sigmoid %5.2f (max %6.2f)%n", method,
                    probabilities(method) ? "sigmoid" : "logits ", median(corner), median(centred), median(logits),
                    max(logits), median(sigmoids), max(sigmoids));
            assertTrue(median(corner) < median(centred), method + ": cell rule x*4 (median " + median(corner)
                    + " px) should agree better than (x+0.5)*4 (median " + median(centred) + " px)");
        }
    }
}
