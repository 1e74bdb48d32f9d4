package dev.handscope.engine.mesh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checked-in template's text format, OBJ-like and diffable: {@code v x y z} per vertex,
 * {@code f a b c} per triangle (0-based), {@code j x y z} per joint, {@code t v} per fingertip,
 * {@code w vertex joint weight} per non-zero skinning weight. Numbers are written with 6 decimals
 * (micrometres), so the file is the same on every machine.
 */
public final class HandTemplateFile {
    /** Where the default template lives on the class path (module assets). */
    public static final String RESOURCE = "/dev/handscope/assets/mesh/hand_template_right.txt";

    private HandTemplateFile() {
    }

    public static void write(HandTemplate t, Writer out) throws IOException {
        out.write("# HandScope default hand template (right hand, metres), written by HandTemplateGenerator\n");
        for (int i = 0; i < t.vertices().length; i += 3) {
            out.write(String.format(Locale.ROOT, "v %.6f %.6f %.6f%n", t.vertices()[i], t.vertices()[i + 1], t.vertices()[i + 2]));
        }
        for (int i = 0; i < t.faces().length; i += 3) {
            out.write("f " + t.faces()[i] + " " + t.faces()[i + 1] + " " + t.faces()[i + 2] + "\n");
        }
        for (int i = 0; i < t.joints().length; i += 3) {
            out.write(String.format(Locale.ROOT, "j %.6f %.6f %.6f%n", t.joints()[i], t.joints()[i + 1], t.joints()[i + 2]));
        }
        for (int tip : t.tips()) {
            out.write("t " + tip + "\n");
        }
        for (int v = 0; v < t.vertexCount(); v++) {
            for (int j = 0; j < HandSkeleton.JOINTS; j++) {
                float w = t.weight(v, j);
                if (w > 0) {
                    out.write(String.format(Locale.ROOT, "w %d %d %.6f%n", v, j, w));
                }
            }
        }
    }

    /** Reads a template; the message names the line of a malformed file. */
    public static HandTemplate read(InputStream in, String name) throws IOException {
        float[] vertices = new float[HandTemplate.VERTICES * 3];
        int[] faces = new int[HandTemplate.FACES * 3];
        float[] joints = new float[HandSkeleton.JOINTS * 3];
        int[] tips = new int[HandSkeleton.TIPS];
        float[] weights = new float[HandTemplate.VERTICES * HandSkeleton.JOINTS];
        int v = 0;
        int f = 0;
        int j = 0;
        int t = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.trim().split("\\s+");
            try {
                switch (p[0]) {
                    case "v" -> {
                        for (int k = 1; k <= 3; k++) {
                            vertices[v++] = Float.parseFloat(p[k]);
                        }
                    }
                    case "f" -> {
                        for (int k = 1; k <= 3; k++) {
                            faces[f++] = Integer.parseInt(p[k]);
                        }
                    }
                    case "j" -> {
                        for (int k = 1; k <= 3; k++) {
                            joints[j++] = Float.parseFloat(p[k]);
                        }
                    }
                    case "t" -> tips[t++] = Integer.parseInt(p[1]);
                    case "w" -> weights[Integer.parseInt(p[1]) * HandSkeleton.JOINTS + Integer.parseInt(p[2])] =
                            Float.parseFloat(p[3]);
                    default -> throw new IOException(name + ":" + number + ": unknown record '" + p[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IOException(name + ":" + number + ": malformed line '" + line + "' (" + e.getMessage() + ")", e);
            }
        }
        if (v != vertices.length || f != faces.length || j != joints.length || t != tips.length) {
            throw new IOException(name + ": expected " + HandTemplate.VERTICES + " vertices, " + HandTemplate.FACES
                    + " faces, " + HandSkeleton.JOINTS + " joints and " + HandSkeleton.TIPS + " tips; found "
                    + v / 3 + ", " + f / 3 + ", " + j / 3 + ", " + t);
        }
        return new HandTemplate(vertices, faces, joints, tips, weights);
    }

    /** The bundled default template. */
    public static HandTemplate bundled() throws IOException {
        try (InputStream in = HandTemplateFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the class path (module assets)");
            }
            return read(in, RESOURCE);
        }
    }

    /** Regenerates the checked-in template: {@code GenerateHandTemplate OUT_FILE}. */
    public static void main(String[] args) throws IOException {
        try (Writer out = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(args[0]))) {
            write(HandTemplateGenerator.generate(), out);
        }
    }
}
