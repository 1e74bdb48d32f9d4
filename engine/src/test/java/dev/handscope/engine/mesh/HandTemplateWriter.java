package dev.handscope.engine.mesh;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a template in {@link HandTemplateFile}'s format. Build time only, like the generator: the
 * app only reads the checked-in file. Numbers get 6 decimals (micrometres), so the file is the same
 * on every machine.
 */
final class HandTemplateWriter {
    private HandTemplateWriter() {
    }

    static void write(HandTemplate t, Writer out) throws IOException {
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

    /** Regenerates the checked-in template: {@code HandTemplateWriter OUT_FILE}. */
    public static void main(String[] args) throws IOException {
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]))) {
            write(HandTemplateGenerator.generate(), out);
        }
    }
}
