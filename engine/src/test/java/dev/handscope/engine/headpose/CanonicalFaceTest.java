package dev.handscope.engine.headpose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalFaceTest {

    @Test
    void bundledMetadataIsTheProvenancedFileAndReads() throws Exception {
        byte[] bytes;
        try (InputStream in = CanonicalFace.class.getResourceAsStream(CanonicalFace.RESOURCE)) {
            bytes = in.readAllBytes();
        }
        String provenance;
        try (InputStream in = CanonicalFace.class.getResourceAsStream("/dev/handscope/assets/face/PROVENANCE")) {
            provenance = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertTrue(sha.startsWith("bdbcda96") && sha.endsWith("dc75b4"), sha);
        assertTrue(provenance.contains("geometry_pipeline_metadata_landmarks.binarypb") && provenance.contains(sha));

        CanonicalFace face = CanonicalFace.bundled();
        assertEquals(CanonicalFace.InputSource.FACE_LANDMARK_PIPELINE, face.inputSource());
        int[] tri = face.triangles();
        assertEquals(0, tri.length % 3);
        assertEquals(898, tri.length / 3);
        assertEquals(33, face.basisIds().length);
        for (double w : face.basisWeights()) {
            assertTrue(w >= 0);
        }
        // Centimetres: a face is about 12-18 cm wide and deep 5-15 cm.
        double minX = 1e9, maxX = -1e9, minZ = 1e9, maxZ = -1e9;
        for (int i = 0; i < CanonicalFace.VERTICES; i++) {
            double[] p = face.positionCm(i);
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minZ = Math.min(minZ, p[2]);
            maxZ = Math.max(maxZ, p[2]);
            double[] h = face.headFrameMetres(i);
            assertArrayEquals(new double[] {p[0] / 100, -p[1] / 100, -p[2] / 100}, h, 1e-12);
            double[] uv = face.uv(i);
            assertTrue(uv[0] >= 0 && uv[0] <= 1 && uv[1] >= 0 && uv[1] <= 1);
        }
        assertTrue(maxX - minX > 12 && maxX - minX < 18, "width " + (maxX - minX));
        assertTrue(maxZ - minZ > 5 && maxZ - minZ < 15, "depth " + (maxZ - minZ));
        // The nose tip (landmark 1) is the frontmost point: z toward the viewer.
        assertTrue(face.positionCm(1)[2] > maxZ - 0.5, "nose tip z " + face.positionCm(1)[2]);
    }

    @Test
    void aMissingFileIsAnIOExceptionNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.binarypb");
        IOException e = assertThrows(IOException.class, () -> CanonicalFace.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void malformedFilesAreIOExceptionsNamingThem(@TempDir Path dir) throws Exception {
        byte[] good;
        try (InputStream in = CanonicalFace.class.getResourceAsStream(CanonicalFace.RESOURCE)) {
            good = in.readAllBytes();
        }
        byte[][] bad = {
            java.util.Arrays.copyOf(good, good.length / 2),       // truncated mid-field
            "not a protobuf at all\n".getBytes(StandardCharsets.UTF_8),
            new byte[0],                                            // parses, but has no mesh
            {0x18, 0x02},                                           // only input_source
        };
        for (int k = 0; k < bad.length; k++) {
            Path file = dir.resolve("bad" + k + ".binarypb");
            Files.write(file, bad[k]);
            IOException e = assertThrows(IOException.class, () -> CanonicalFace.read(file), "case " + k);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
        // The good bytes through the same path read.
        Path file = dir.resolve("good.binarypb");
        Files.write(file, good);
        CanonicalFace read = CanonicalFace.read(file);
        CanonicalFace bundled = CanonicalFace.bundled();
        assertArrayEquals(bundled.triangles(), read.triangles());
        assertArrayEquals(bundled.positionCm(33), read.positionCm(33), 0);
    }

    @Test
    void posedVerticesAreTheHeadFrameTurnedAndMovedIntoCameraSpace() throws Exception {
        CanonicalFace face = CanonicalFace.bundled();
        double s = Math.sqrt(0.5);
        HeadPose turned = new HeadPose(0, 0, 90, new double[] {0, 0, s, s}, new double[] {0.1, -0.05, 0.6});
        float[] posed = face.posed(turned);
        org.junit.jupiter.api.Assertions.assertEquals(CanonicalFace.VERTICES * 3, posed.length);
        for (int i : new int[] {0, 1, 152, 467}) {
            double[] v = face.headFrameMetres(i);
            // roll 90 degrees (clockwise in the image): head x goes to camera y, head y to camera -x
            org.junit.jupiter.api.Assertions.assertEquals(-v[1] + 0.1, posed[3 * i], 1e-5, "vertex " + i + " x");
            org.junit.jupiter.api.Assertions.assertEquals(v[0] - 0.05, posed[3 * i + 1], 1e-5, "vertex " + i + " y");
            org.junit.jupiter.api.Assertions.assertEquals(v[2] + 0.6, posed[3 * i + 2], 1e-5, "vertex " + i + " z");
        }
    }
}
