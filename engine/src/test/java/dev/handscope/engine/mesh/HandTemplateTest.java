package dev.handscope.engine.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default hand template: MANO's counts, a clean consistently oriented surface open only at
 * the wrist (as MANO's is), weights that sum to one, and a checked-in file that is exactly what the
 * generator writes.
 */
class HandTemplateTest {
    private static final HandTemplate TEMPLATE = HandTemplateGenerator.generate();

    @Test
    void checkedInTemplateIsWhatTheGeneratorWrites() throws Exception {
        StringWriter generated = new StringWriter();
        HandTemplateWriter.write(TEMPLATE, generated);
        String checkedIn = Files.readString(Path.of("../assets/src/main/resources" + HandTemplateFile.RESOURCE));
        assertEquals(checkedIn, generated.toString(),
                "regenerate with: java -cp engine/target/classes:engine/target/test-classes "
                        + "dev.handscope.engine.mesh.HandTemplateWriter "
                        + "assets/src/main/resources" + HandTemplateFile.RESOURCE);
        HandTemplate bundled = HandTemplateFile.bundled();
        assertEquals(HandTemplate.VERTICES, bundled.vertexCount());
        StringWriter again = new StringWriter();
        HandTemplateWriter.write(bundled, again);
        assertEquals(checkedIn, again.toString(), "reading and writing the file round-trips");
    }

    @Test
    void hasManosCounts() {
        assertEquals(778, TEMPLATE.vertexCount());
        assertEquals(1538, TEMPLATE.faceCount());
        assertEquals(16 * 3, TEMPLATE.joints().length);
        assertEquals(5, Set.of(TEMPLATE.tips()[0], TEMPLATE.tips()[1], TEMPLATE.tips()[2], TEMPLATE.tips()[3],
                TEMPLATE.tips()[4]).size());
    }

    @Test
    void surfaceIsManifoldConsistentlyOrientedAndOpenOnlyAtTheWrist() {
        assertSurface(TEMPLATE);
        assertSurface(TEMPLATE.mirrored());
    }

    private static void assertSurface(HandTemplate t) {
        Map<Long, Integer> directed = new HashMap<>();
        for (int f = 0; f < t.faceCount(); f++) {
            int[] v = {t.faces()[3 * f], t.faces()[3 * f + 1], t.faces()[3 * f + 2]};
            assertTrue(v[0] != v[1] && v[1] != v[2] && v[0] != v[2], "degenerate face " + f);
            for (int e = 0; e < 3; e++) {
                long key = (long) v[e] * 10_000 + v[(e + 1) % 3];
                assertEquals(null, directed.put(key, f), "edge used twice in one direction: inconsistent winding");
            }
        }
        // Undirected edges: every edge has both directions except the wrist opening's.
        List<int[]> border = new ArrayList<>();
        Set<Long> undirected = new HashSet<>();
        for (long key : directed.keySet()) {
            int a = (int) (key / 10_000);
            int b = (int) (key % 10_000);
            undirected.add((long) Math.min(a, b) * 10_000 + Math.max(a, b));
            if (!directed.containsKey((long) b * 10_000 + a)) {
                border.add(new int[] {a, b});
            }
        }
        assertEquals(16, border.size(), "the wrist opening has 16 edges");
        for (int[] edge : border) {
            assertTrue(t.vertices()[3 * edge[0] + 1] < -0.005, "border edges lie at the wrist");
        }
        // One closed loop: following the border from any vertex returns after 16 steps.
        Map<Integer, Integer> next = new HashMap<>();
        border.forEach(edge -> next.put(edge[0], edge[1]));
        int start = border.get(0)[0];
        int at = start;
        for (int i = 0; i < 16; i++) {
            at = next.get(at);
        }
        assertEquals(start, at, "the wrist border is one loop");

        int used = (int) java.util.stream.IntStream.of(t.faces()).distinct().count();
        assertEquals(t.vertexCount(), used, "every vertex is on the surface");
        int v = t.vertexCount();
        int e = undirected.size();
        int f = t.faceCount();
        assertEquals(1, v - e + f, "Euler characteristic of a disk (sphere with the wrist open)");
        assertEquals(2, (v + 1) - (e + 16) + (f + 16), "capping the wrist gives a sphere: Euler characteristic 2");
        assertTrue(cappedVolume(t, border) > 0, "normals point outward");
    }

    /** Signed volume with the wrist capped by a fan to the opening's centre: positive when normals face out. */
    private static double cappedVolume(HandTemplate t, List<int[]> border) {
        float[] p = t.vertices();
        double volume = 0;
        for (int f = 0; f < t.faceCount(); f++) {
            volume += tetra(p, t.faces()[3 * f], t.faces()[3 * f + 1], t.faces()[3 * f + 2], null);
        }
        double[] centre = new double[3];
        for (int[] edge : border) {
            for (int k = 0; k < 3; k++) {
                centre[k] += p[3 * edge[0] + k] / border.size();
            }
        }
        for (int[] edge : border) {
            volume += tetra(p, edge[1], edge[0], -1, centre);
        }
        return volume;
    }

    private static double tetra(float[] p, int a, int b, int c, double[] centre) {
        double[] pc = c >= 0 ? new double[] {p[3 * c], p[3 * c + 1], p[3 * c + 2]} : centre;
        double ax = p[3 * a], ay = p[3 * a + 1], az = p[3 * a + 2];
        double bx = p[3 * b], by = p[3 * b + 1], bz = p[3 * b + 2];
        return (ax * (by * pc[2] - bz * pc[1]) - ay * (bx * pc[2] - bz * pc[0]) + az * (bx * pc[1] - by * pc[0])) / 6;
    }

    @Test
    void skinningWeightsAreNonNegativeAndSumToOne() {
        for (int v = 0; v < TEMPLATE.vertexCount(); v++) {
            double sum = 0;
            for (int j = 0; j < HandSkeleton.JOINTS; j++) {
                assertTrue(TEMPLATE.weight(v, j) >= 0);
                sum += TEMPLATE.weight(v, j);
            }
            assertEquals(1, sum, 1e-5, "weights of vertex " + v);
        }
    }

    @Test
    void tipsAreBeyondTheirFingersLastJointAndHandIsHumanSized() {
        for (int tip = 0; tip < 5; tip++) {
            int joint = HandSkeleton.tipParent(tip);
            int parent = HandSkeleton.PARENTS[joint];
            float[] j = TEMPLATE.joints();
            int v = TEMPLATE.tips()[tip];
            double dx = j[3 * joint] - j[3 * parent];
            double dy = j[3 * joint + 1] - j[3 * parent + 1];
            double beyond = (TEMPLATE.vertices()[3 * v] - j[3 * joint]) * dx + (TEMPLATE.vertices()[3 * v + 1] - j[3 * joint + 1]) * dy;
            assertTrue(beyond > 0, "tip " + tip + " lies beyond its last joint");
        }
        double top = 0;
        for (int v = 0; v < TEMPLATE.vertexCount(); v++) {
            top = Math.max(top, TEMPLATE.vertices()[3 * v + 1]);
        }
        assertTrue(top > 0.17 && top < 0.21, "wrist to middle fingertip " + top + " m");
    }

    /** Renders the template (palm and side views) to target/hand-template.png, to look at it. */
    @Test
    void previewShowsAHandShapedSilhouette() throws Exception {
        java.io.File file = new java.io.File("target/hand-template.png");
        TemplatePreview.write(TEMPLATE, file);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file);
        int covered = 0;
        int total = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth() / 2; x += 4) {
                total++;
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    covered++;
                }
            }
        }
        double share = covered / (double) total;
        // A hand fills roughly a fifth of its square; a blob or a sliver would not.
        assertTrue(share > 0.12 && share < 0.35, "palm view covers " + share);
    }

    @Test
    void malformedTemplateFileIsReportedByLine() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> HandTemplateFile.read(
                new ByteArrayInputStream("v 1 2\n".getBytes(StandardCharsets.UTF_8)), "broken.txt"));
        assertTrue(error.getMessage().startsWith("broken.txt:1: malformed line"), error.getMessage());
    }
}
