package dev.handscope.app.export.recording;

import static dev.handscope.app.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.javagl.jgltf.model.AccessorFloatData;
import de.javagl.jgltf.model.AccessorModel;
import de.javagl.jgltf.model.AnimationModel;
import de.javagl.jgltf.model.BufferViewModel;
import de.javagl.jgltf.model.GltfModel;
import de.javagl.jgltf.model.MeshPrimitiveModel;
import de.javagl.jgltf.model.NodeModel;
import de.javagl.jgltf.model.SkinModel;
import de.javagl.jgltf.model.io.GltfModelReader;
import dev.handscope.app.cli.CommandRun;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.mesh.HandSkeleton;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joml.Quaternionf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real recording of the shared test video, exported in each format and read back. */
class RecordingExportTest {
    private static final int FRAMES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path results;

    @BeforeAll
    static void record() throws Exception {
        results = TestRecordings.record(dir, FRAMES);
    }

    private static List<HandTrack> refit(Recording recording) throws Exception {
        return HandTracks.fit(recording, new HandMesher(HandTemplateFile.bundled(), 60), done -> { });
    }

    @Test
    void csvHasNamedColumnsForEveryJointAndTheRecordedValues() throws Exception {
        Path csv = dir.resolve("hands.csv");
        CommandRun result = run("export", "--recording", dir.resolve("session.mkv").toString(), "--format", "csv",
                "--out", csv.toString());
        assertEquals(0, result.exit(), result.err());
        System.out.printf("csv: %d bytes for %d frames%n", Files.size(csv), FRAMES);
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(header)
                .readValues(csv.toFile())) {
            it.forEachRemaining(rows::add);
        }
        List<String> lines = Files.readAllLines(results);
        int hands = 0;
        for (String line : lines) {
            hands += JSON.readTree(line).get("hands").size();
        }
        assertTrue(hands >= FRAMES - 2, "the hand is in the recording: " + hands);
        assertEquals(hands, rows.size(), "one row per hand per frame");
        assertEquals(4 + 2 * 63, rows.get(0).size());
        int row = 0;
        for (String line : lines) {
            JsonNode frame = JSON.readTree(line);
            for (JsonNode hand : frame.get("hands")) {
                Map<String, String> cells = rows.get(row++);
                assertEquals(frame.get("frame").asText(), cells.get("frame"));
                assertEquals(hand.get("id").asText(), cells.get("hand_id"));
                assertEquals(hand.get("handedness").asText(), cells.get("handedness"));
                for (int j = 0; j < HandTopology.LANDMARKS; j++) {
                    String[] axes = {"x", "y", "z"};
                    for (int k = 0; k < 3; k++) {
                        String name = HandTopology.NAMES[j] + "_" + axes[k];
                        assertEquals(hand.get("landmarks").get(j).get(k).asDouble(),
                                Double.parseDouble(cells.get(name)), 1e-6, name);
                        assertEquals(hand.get("worldLandmarks").get(j).get(k).asDouble(),
                                Double.parseDouble(cells.get("world_" + name)), 1e-6, "world_" + name);
                    }
                }
            }
        }
        assertTrue(rows.get(0).containsKey("wrist_x") && rows.get(0).containsKey("pinky_tip_z"));
    }

    @Test
    void jsonlIsTheRecordedFrames() throws Exception {
        Path jsonl = dir.resolve("copy.jsonl");
        assertEquals(0, run("export", "--recording", results.toString(), "--format", "jsonl", "--out",
                jsonl.toString()).exit());
        assertEquals(Files.readAllLines(results), Files.readAllLines(jsonl));
    }

    @Test
    void gltfValidatesAndReloadsWithTheMeshAndTheKeyframes() throws Exception {
        Path glb = dir.resolve("hands.glb");
        CommandRun result = run("export", "--recording", results.toString(), "--format", "gltf", "--out",
                glb.toString());
        assertEquals(0, result.exit(), result.err());
        byte[] bytes = Files.readAllBytes(glb);
        System.out.printf("glb: %d bytes for %d frames%n", bytes.length, FRAMES);
        assertEquals("glTF", new String(bytes, 0, 4, StandardCharsets.US_ASCII), "binary glTF magic");
        List<HandTrack> tracks = refit(Recording.read(results));
        GltfModel model = new GltfModelReader().read(glb);
        assertEquals(tracks.size(), model.getMeshModels().size(), "a mesh per hand track");
        assertEquals(tracks.size(), model.getSkinModels().size());
        for (BufferViewModel view : model.getBufferViewModels()) {
            assertTrue(view.getByteOffset() + view.getByteLength() <= view.getBufferModel().getByteLength(),
                    "buffer view inside its buffer");
        }
        for (AccessorModel accessor : model.getAccessorModels()) {
            assertTrue(accessor.getByteOffset() + (long) accessor.getCount() * accessor.getElementSizeInBytes()
                    <= accessor.getBufferViewModel().getByteLength(), "accessor inside its buffer view");
        }
        AnimationModel animation = model.getAnimationModels().get(0);
        for (int t = 0; t < tracks.size(); t++) {
            HandTrack track = tracks.get(t);
            MeshPrimitiveModel primitive = model.getMeshModels().get(t).getMeshPrimitiveModels().get(0);
            AccessorModel positions = primitive.getAttributes().get("POSITION");
            assertEquals(HandTemplate.VERTICES, positions.getCount());
            assertEquals(HandTemplate.VERTICES, primitive.getAttributes().get("JOINTS_0").getCount());
            assertEquals(HandTemplate.VERTICES, primitive.getAttributes().get("WEIGHTS_0").getCount());
            assertEquals(3 * HandTemplate.FACES, primitive.getIndices().getCount());
            AccessorFloatData vertices = (AccessorFloatData) positions.getAccessorData();
            float[] expected = track.template().vertices();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], vertices.get(i), 0f, "vertex component " + i);
            }
            SkinModel skin = model.getSkinModels().get(t);
            assertEquals(HandSkeleton.JOINTS, skin.getJoints().size());
            assertEquals(HandSkeleton.JOINTS, skin.getInverseBindMatrices().getCount());
            for (int j = 0; j < HandSkeleton.JOINTS; j++) {
                NodeModel joint = skin.getJoints().get(j);
                int parent = HandSkeleton.PARENTS[j];
                if (parent >= 0) {
                    assertEquals(skin.getJoints().get(parent), joint.getParent(), "joint hierarchy");
                }
                AnimationModel.Channel channel = rotationChannel(animation, joint);
                AccessorFloatData times = (AccessorFloatData) channel.getSampler().getInput().getAccessorData();
                AccessorFloatData rotations = (AccessorFloatData) channel.getSampler().getOutput().getAccessorData();
                assertEquals(track.poses().size(), times.getNumElements());
                for (int k = 0; k < track.poses().size(); k++) {
                    HandTrack.Posed posed = track.poses().get(k);
                    assertEquals(posed.frame().timeMs() / 1000, times.get(k), 1e-6, "keyframe time");
                    Quaternionf q = posed.pose().rotations()[j];
                    float[] components = {q.x, q.y, q.z, q.w};
                    for (int c = 0; c < 4; c++) {
                        assertEquals(components[c], rotations.get(k, c), 0f, "rotation of joint " + j);
                    }
                }
            }
        }
    }

    private static AnimationModel.Channel rotationChannel(AnimationModel animation, NodeModel node) {
        return animation.getChannels().stream()
                .filter(c -> c.getNodeModel() == node && c.getPath().equals("rotation")).findFirst().orElseThrow();
    }

    @Test
    void bvhParsesBackToTheFittedRotations() throws Exception {
        Path bvh = dir.resolve("hands.bvh");
        CommandRun result = run("export", "--recording", results.toString(), "--format", "bvh", "--out",
                bvh.toString());
        assertEquals(0, result.exit(), result.err());
        for (HandTrack track : refit(Recording.read(results))) {
            Path file = dir.resolve("hands.hand-" + track.id() + ".bvh");
            List<String> lines = Files.readAllLines(file);
            System.out.printf("bvh hand %d: %d bytes, %d poses%n", track.id(), Files.size(file), track.poses().size());
            long joints = lines.stream().filter(l -> l.trim().startsWith("ROOT") || l.trim().startsWith("JOINT"))
                    .count();
            assertEquals(HandSkeleton.JOINTS, joints);
            int motion = lines.indexOf("MOTION");
            long firstFrame = track.poses().get(0).frame().frame();
            int frames = Integer.parseInt(lines.get(motion + 1).replace("Frames:", "").trim());
            assertEquals(track.poses().get(track.poses().size() - 1).frame().frame() - firstFrame + 1, frames);
            assertEquals(0.0334, Double.parseDouble(lines.get(motion + 2).replace("Frame Time:", "").trim()), 0.001);
            for (HandTrack.Posed posed : track.poses()) {
                String[] numbers = lines.get(motion + 3 + (int) (posed.frame().frame() - firstFrame)).trim()
                        .split(" ");
                assertEquals(3 + 3 * HandSkeleton.JOINTS, numbers.length);
                assertEquals(posed.pose().translation().z * 100, Double.parseDouble(numbers[2]), 1e-3);
                for (int j = 0; j < HandSkeleton.JOINTS; j++) {
                    Quaternionf parsed = new Quaternionf()
                            .rotateZ((float) Math.toRadians(Double.parseDouble(numbers[3 + 3 * j])))
                            .rotateX((float) Math.toRadians(Double.parseDouble(numbers[4 + 3 * j])))
                            .rotateY((float) Math.toRadians(Double.parseDouble(numbers[5 + 3 * j])));
                    Quaternionf fitted = posed.pose().rotations()[j];
                    float sign = Math.signum(parsed.dot(fitted));
                    assertEquals(fitted.x, sign * parsed.x, 1e-3, "joint " + j);
                    assertEquals(fitted.y, sign * parsed.y, 1e-3, "joint " + j);
                    assertEquals(fitted.z, sign * parsed.z, 1e-3, "joint " + j);
                    assertEquals(fitted.w, sign * parsed.w, 1e-3, "joint " + j);
                }
            }
        }
    }

    @Test
    void aTruncatedRecordingExportsItsWholeFramesAndSaysSo() throws Exception {
        List<String> lines = Files.readAllLines(results);
        Path cut = dir.resolve("cut.jsonl");
        String last = lines.get(lines.size() - 1);
        List<String> kept = new ArrayList<>(lines.subList(0, lines.size() - 1));
        kept.add(last.substring(0, last.length() / 2));
        Files.write(cut, kept);
        Path csv = dir.resolve("cut.csv");
        CommandRun result = run("export", "--recording", cut.toString(), "--format", "csv", "--out", csv.toString());
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.err().contains("cut short") && result.err().contains((lines.size() - 1) + " whole frame(s)")
                && result.err().contains("1 line(s) left out"), result.err());
        assertTrue(Files.readAllLines(csv).size() > 1);
    }

    @Test
    void aRecordingWithoutHandsWritesNoBvhAndSaysSo() throws Exception {
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "{\"frame\":0,\"timestampMs\":0.0,\"image\":{\"width\":640,\"height\":360},"
                + "\"hands\":[]}\n");
        CommandRun result = run("export", "--recording", empty.toString(), "--format", "bvh");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("no hand in its 1 frame(s); no BVH written"), result.err());
    }

    @Test
    void aMissingRecordingIsAClearError() {
        CommandRun result = run("export", "--recording", dir.resolve("nothing.mkv").toString(), "--format", "csv");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("no such recording") && result.err().contains("nothing.jsonl"), result.err());
        CommandRun format = run("export", "--recording", results.toString(), "--format", "fbx");
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("csv, jsonl, gltf or bvh"), format.err());
    }
}
