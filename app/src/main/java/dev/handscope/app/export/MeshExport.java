package dev.handscope.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.handscope.app.settings.ConfigFiles;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.mesh.HandSkeleton;
import dev.handscope.engine.mesh.MeshNormals;
import dev.handscope.engine.result.HandResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.joml.Quaternionf;

/** Writes fitted hand meshes: Wavefront OBJ (vertices, normals, faces) and their JSON description. */
public final class MeshExport {
    private MeshExport() {
    }

    /**
     * One OBJ in camera space (metres; x right, y down, z away from the camera), written through a
     * temporary file so that a failed write leaves no partial OBJ.
     *
     * @throws IllegalStateException before writing anything when a vertex is not finite
     */
    public static void writeObj(HandMesh mesh, Path file, String title) throws IOException {
        FiniteNumbers.require(mesh.vertices(), 3, "vertex", file.getFileName().toString());
        int[] faces = mesh.template().faces();
        float[] v = mesh.vertices();
        float[] n = MeshNormals.compute(v, faces, new float[v.length]);
        ConfigFiles.writeAtomically(file, partial -> {
            try (Writer out = Files.newBufferedWriter(partial)) {
                out.write("# " + title + "\n# 778 vertices, 1538 triangles; camera space, metres\n");
                for (int i = 0; i < v.length; i += 3) {
                    out.write(String.format(Locale.ROOT, "v %.6f %.6f %.6f%n", v[i], v[i + 1], v[i + 2]));
                }
                for (int i = 0; i < n.length; i += 3) {
                    out.write(String.format(Locale.ROOT, "vn %.5f %.5f %.5f%n", n[i], n[i + 1], n[i + 2]));
                }
                for (int i = 0; i < faces.length; i += 3) {
                    int a = faces[i] + 1;
                    int b = faces[i + 1] + 1;
                    int c = faces[i + 2] + 1;
                    out.write("f " + a + "//" + a + " " + b + "//" + b + " " + c + "//" + c + "\n");
                }
            }
        });
    }

    /** The OBJ file name of a hand. */
    public static String objName(HandResult hand) {
        return "hand-" + hand.id() + ".obj";
    }

    /**
     * Writes hand-&lt;id&gt;.obj per hand and hands.json into {@code folder} (created if needed).
     *
     * @param source what the image was, for hands.json
     */
    public static void save(Path folder, String source, int width, int height, double fovDegrees,
                            List<HandResult> hands) throws IOException {
        Files.createDirectories(folder);
        for (HandResult hand : hands) {
            writeObj(hand.mesh(), folder.resolve(objName(hand)), title(hand, source));
        }
        writeJson(folder.resolve("hands.json"), source, width, height, fovDegrees, hands);
    }

    /** The first line of a hand's OBJ. */
    public static String title(HandResult hand, String source) {
        return "HandScope hand " + hand.id() + " (" + hand.handedness().label() + ") from " + source;
    }

    /**
     * hands.json for these hands (each with its mesh; their OBJ files named by {@link #objName}), written
     * through a temporary file.
     */
    public static void writeJson(Path file, String source, int width, int height, double fovDegrees,
                                 List<HandResult> hands) throws IOException {
        for (HandResult hand : hands) {
            String where = "hand " + hand.id();
            FiniteNumbers.require(hand.mesh().skeleton(), 3, "joint", where);
            FiniteNumbers.require(hand.mesh().pose().scale(), "scale", where);
        }
        ConfigFiles.writeAtomically(file, partial -> {
            try (Writer json = Files.newBufferedWriter(partial);
                 JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(json)
                         .useDefaultPrettyPrinter()) {
                g.writeStartObject();
                g.writeObjectFieldStart("image");
                g.writeStringField("source", source);
                g.writeNumberField("width", width);
                g.writeNumberField("height", height);
                g.writeNumberField("fovDegrees", fovDegrees);
                g.writeEndObject();
                g.writeArrayFieldStart("hands");
                for (HandResult hand : hands) {
                    writeHandJson(g, hand, hand.mesh(), objName(hand));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    /** The hand's entry in hands.json: joints, rotations, scale, placement and both handedness readings. */
    private static void writeHandJson(JsonGenerator g, HandResult hand, HandMesh mesh, String objFile)
            throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", hand.id());
        g.writeStringField("obj", objFile);
        g.writeObjectFieldStart("handedness");
        g.writeStringField("model", mesh.model().label());
        g.writeNumberField("modelScore", (float) mesh.model().score());
        g.writeStringField("geometric", mesh.geometric().handedness().label());
        g.writeNumberField("geometricScore", (float) mesh.geometric().handedness().score());
        g.writeBooleanField("disagree", mesh.handednessDisagrees());
        g.writeEndObject();
        FrameJson.writePoints(g, "joints", Landmarks.of(mesh.skeleton()));
        g.writeArrayFieldStart("rotations");
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            Quaternionf q = mesh.pose().rotations()[j];
            g.writeStartArray();
            g.writeNumber(q.x);
            g.writeNumber(q.y);
            g.writeNumber(q.z);
            g.writeNumber(q.w);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeNumberField("scale", mesh.pose().scale());
        g.writeArrayFieldStart("translation");
        g.writeNumber(mesh.pose().translation().x);
        g.writeNumber(mesh.pose().translation().y);
        g.writeNumber(mesh.pose().translation().z);
        g.writeEndArray();
        g.writeNumberField("reprojectionErrorPx", (float) mesh.placement().meanErrorPx());
        g.writeEndObject();
    }
}
