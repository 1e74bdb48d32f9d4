package dev.handscope.engine.mesh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The checked-in template's text format, OBJ-like and diffable: {@code v x y z} per vertex,
 * {@code f a b c} per triangle (0-based), {@code j x y z} per joint, {@code t v} per fingertip,
 * {@code w vertex joint weight} per non-zero skinning weight. Only the reading is here: the file is
 * written at build time by {@code HandTemplateWriter} in engine's test tree.
 */
public final class HandTemplateFile {
    /** Where the default template lives on the class path (module assets). */
    public static final String RESOURCE = "/dev/handscope/assets/mesh/hand_template_right.txt";

    private HandTemplateFile() {
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
}
