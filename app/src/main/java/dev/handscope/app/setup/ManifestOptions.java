package dev.handscope.app.setup;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.family.heatmap.Heatmap25dOptions;
import dev.handscope.engine.family.heatmap.HeatmapDecode;
import dev.handscope.engine.family.heatmap.HeatmapDecoder;
import dev.handscope.engine.family.heatmap.HeatmapLayout;
import dev.handscope.engine.family.heatmap.HeatmapOptions;
import dev.handscope.engine.family.heatmap.SimccOptions;
import dev.handscope.engine.family.heatmap.TopDownOptions;
import dev.handscope.engine.family.mesh.HandMeshOptions;
import dev.handscope.engine.family.yolo.YoloPoseOptions;
import dev.handscope.engine.imaging.InputSpec;
import dev.handscope.engine.inference.ModelLoadException;
import dev.handscope.models.convert.FamilyFields;
import dev.handscope.models.convert.ModelManifest;
import dev.handscope.models.convert.TensorSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * A handscope-model/2 manifest's fields as the engine's family options, with each family's
 * defaults. Every refusal names the manifest file, the field and what was expected.
 */
final class ManifestOptions {
    private final Path file;
    private final ModelManifest manifest;
    private final FamilyFields fields;

    ManifestOptions(Path folder, ModelManifest manifest, FamilyFields fields) {
        this.file = folder.resolve(ModelManifest.FILE_NAME);
        this.manifest = manifest;
        this.fields = fields;
    }

    /** The input's size from its [1, H, W, 3] shape, with the manifest's normalisation and channel order. */
    InputSpec input(int padValue) throws ModelLoadException {
        List<Integer> shape = manifest.input().shape();
        if (shape == null || shape.size() != 4 || shape.get(0) != 1 || shape.get(3) != 3 || shape.get(1) < 1
                || shape.get(2) < 1) {
            throw refused("input.shape", "[1, H, W, 3] (NHWC float32)", String.valueOf(shape));
        }
        float[] mean = {0, 0, 0};
        float[] std = {255, 255, 255};
        if (manifest.normalization() != null) {
            mean = three("normalization.mean", manifest.normalization().mean());
            std = three("normalization.std", manifest.normalization().std());
        }
        String channels = manifest.channels() == null ? "RGB" : manifest.channels();
        if (!channels.equals("RGB") && !channels.equals("BGR")) {
            throw refused("channels", "\"RGB\" or \"BGR\"", channels);
        }
        try {
            return new InputSpec(shape.get(2), shape.get(1), mean, std, channels.equals("BGR"), padValue);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(file + ": normalization: " + e.getMessage());
        }
    }

    /** The manifest's keypoints mapping (identity when it gives none) for a model of {@code modelPoints}. */
    KeypointMap keypoints(int modelPoints) throws ModelLoadException {
        if (manifest.keypoints() == null) {
            return modelPoints >= 21 ? KeypointMap.identity()
                    : fail("keypoints", "a mapping: the model has " + modelPoints + " keypoints, fewer than 21");
        }
        try {
            return KeypointMap.of(manifest.keypoints().stream().mapToInt(Integer::intValue).toArray(), modelPoints);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(file + ": keypoints: " + e.getMessage());
        }
    }

    YoloPoseOptions yoloPose() throws ModelLoadException {
        TensorSpec output = onlyOutput();
        List<String> classes = fields.classes() == null ? List.of("hand") : fields.classes();
        if (classes.isEmpty()) {
            throw refused("classes", "at least one class name", "[]");
        }
        int keypoints = yoloKeypoints(output.shape(), classes.size());
        return new YoloPoseOptions(input(114), output.name(), classes, keypoints, coordinates(),
                (float) unit("confidence", fields.confidence(), 0.25), (float) unit("iou", fields.iou(), 0.7),
                keypoints(keypoints));
    }

    HeatmapOptions heatmap() throws ModelLoadException {
        TensorSpec output = onlyOutput();
        HeatmapLayout layout;
        HeatmapDecode decode;
        try {
            layout = fields.layout() == null ? HeatmapLayout.NHWC : HeatmapLayout.parse(fields.layout());
        } catch (IllegalArgumentException e) {
            throw refused("layout", "\"NHWC\" or \"NCHW\"", fields.layout());
        }
        try {
            decode = fields.decode() == null ? HeatmapDecode.ARGMAX_QUARTER : HeatmapDecode.parse(fields.decode());
        } catch (IllegalArgumentException e) {
            throw refused("decode", "\"argmax+quarter\", \"dark\" or \"soft-argmax\"", fields.decode());
        }
        int keypoints = dimension("outputs[0].shape", output.shape(), 4, layout == HeatmapLayout.NHWC ? 3 : 1,
                "[1, h, w, K] (NHWC) or [1, K, h, w] (NCHW)");
        return new HeatmapOptions(topDown(keypoints), output.name(), layout, decode,
                HeatmapDecoder.DEFAULT_BLUR_KERNEL);
    }

    SimccOptions simcc() throws ModelLoadException {
        if (manifest.outputs().size() != 2) {
            throw refused("outputs", "two outputs (simcc_x, simcc_y)", manifest.outputs().size() + " outputs");
        }
        TensorSpec x = manifest.outputs().get(0);
        TensorSpec y = manifest.outputs().get(1);
        int keypoints = dimension("outputs[0].shape", x.shape(), 3, 1, "[1, K, W*s]");
        double split = fields.splitRatio() == null ? SimccOptions.DEFAULT_SPLIT_RATIO : fields.splitRatio();
        if (!(split > 0) || split > 64) {
            throw refused("splitRatio", "a number above 0 (at most 64)", String.valueOf(split));
        }
        return new SimccOptions(topDown(keypoints), x.name(), y.name(), split);
    }

    Heatmap25dOptions heatmap25d() throws ModelLoadException {
        TensorSpec output = onlyOutput();
        int keypoints = dimension("outputs[0].shape", output.shape(), 5, 4, "[1, h, w, d, K]");
        List<Double> range = fields.depthRange();
        if (range == null || range.size() != 2 || !(range.get(0) < range.get(1))) {
            throw refused("depthRange", "[zmin, zmax] in metres relative to the wrist, zmin < zmax",
                    String.valueOf(range));
        }
        double fov = fields.fovDegrees() == null ? 60 : fields.fovDegrees();
        if (!(fov > 1 && fov < 179)) {
            throw refused("fovDegrees", "a field of view between 1 and 179 degrees", String.valueOf(fov));
        }
        double bone = fields.referenceBoneLength() == null ? Heatmap25dOptions.DEFAULT_BONE
                : fields.referenceBoneLength();
        if (!(bone > 0 && bone < 1)) {
            throw refused("referenceBoneLength", "metres, above 0 and below 1", String.valueOf(bone));
        }
        return new Heatmap25dOptions(topDown(keypoints), output.name(), range.get(0), range.get(1), fov, bone);
    }

    /** Dimension {@code index} of a shape of {@code rank} that starts with 1, refused otherwise. */
    private int dimension(String field, List<Integer> shape, int rank, int index, String expected)
            throws ModelLoadException {
        if (shape == null || shape.size() != rank || shape.get(0) != 1 || shape.stream().anyMatch(d -> d == null || d < 1)) {
            throw refused(field, expected, String.valueOf(shape));
        }
        return shape.get(index);
    }

    /** HandOS-style outputs by their names (boxes, scores, joints2d, vertices, camera, optional handedness). */
    HandMeshOptions handMesh() throws ModelLoadException {
        java.util.Set<String> names = new java.util.HashSet<>();
        manifest.outputs().forEach(output -> names.add(output.name()));
        for (String needed : List.of("boxes", "scores", "joints2d", "vertices", "camera")) {
            if (!names.contains(needed)) {
                throw refused("outputs", "outputs named boxes, scores, joints2d, vertices, camera (and optionally"
                        + " handedness)", String.valueOf(names));
            }
        }
        boolean normalized = coordinates();
        double fov = fields.fovDegrees() == null ? 60 : fields.fovDegrees();
        if (!(fov > 1 && fov < 179)) {
            throw refused("fovDegrees", "a field of view between 1 and 179 degrees", String.valueOf(fov));
        }
        HandMeshOptions defaults = HandMeshOptions.defaults(input(114), normalized, fov);
        return new HandMeshOptions(defaults.input(), defaults.boxes(), defaults.scores(), defaults.joints2d(),
                defaults.vertices(), defaults.camera(), defaults.handedness(), normalized,
                (float) unit("confidence", fields.confidence(), HandMeshOptions.DEFAULT_CONFIDENCE),
                (float) unit("iou", fields.iou(), HandMeshOptions.DEFAULT_IOU), fov, keypoints(HandMeshOptions.JOINTS));
    }

    /** Whether coordinates are normalised ("normalized") rather than input pixels ("pixels", the default). */
    private boolean coordinates() throws ModelLoadException {
        String coordinates = fields.coordinates() == null ? "pixels" : fields.coordinates();
        if (!coordinates.equals("pixels") && !coordinates.equals("normalized")) {
            throw refused("coordinates", "\"pixels\" or \"normalized\"", coordinates);
        }
        return coordinates.equals("normalized");
    }

    TopDownOptions topDown(int modelPoints) throws ModelLoadException {
        double cropScale = fields.cropScale() == null ? 1.25 : fields.cropScale();
        if (!(cropScale > 0) || cropScale > 10) {
            throw refused("cropScale", "a number above 0 (at most 10)", String.valueOf(cropScale));
        }
        return new TopDownOptions(input(0), cropScale, Boolean.TRUE.equals(fields.rotate()), modelPoints,
                keypoints(modelPoints));
    }

    /** K from a [1, 4+C+3K, N] or [1, N, 4+C+3K] output: the dimension that fits 21 keypoints or more. */
    private int yoloKeypoints(List<Integer> shape, int classes) throws ModelLoadException {
        if (shape != null && shape.size() == 3 && shape.get(0) == 1) {
            for (int dim : List.of(shape.get(1), shape.get(2))) {
                int rest = dim - 4 - classes;
                if (rest >= 3 * 21 && rest % 3 == 0) {
                    return rest / 3;
                }
            }
        }
        throw refused("outputs[0].shape", "[1, 4+C+3K, N] or [1, N, 4+C+3K] with C = " + classes
                + " classes and K >= 21 keypoints", String.valueOf(shape));
    }

    private TensorSpec onlyOutput() throws ModelLoadException {
        if (manifest.outputs().size() != 1) {
            throw refused("outputs", "exactly one output for a " + manifest.kind().id() + " model",
                    manifest.outputs().size() + " outputs");
        }
        return manifest.outputs().get(0);
    }

    private double unit(String field, Double value, double fallback) throws ModelLoadException {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v <= 1)) {
            throw refused(field, "a number from 0 to 1", String.valueOf(v));
        }
        return v;
    }

    private float[] three(String field, List<Double> values) throws ModelLoadException {
        if (values == null || values.size() != 3) {
            throw refused(field, "three numbers (R, G, B)", String.valueOf(values));
        }
        return new float[] {values.get(0).floatValue(), values.get(1).floatValue(), values.get(2).floatValue()};
    }

    private ModelLoadException refused(String field, String expected, String got) {
        return new ModelLoadException(file + ": " + field + ": expected " + expected + ", got " + got);
    }

    private <T> T fail(String field, String expected) throws ModelLoadException {
        throw new ModelLoadException(file + ": " + field + ": expected " + expected);
    }
}
