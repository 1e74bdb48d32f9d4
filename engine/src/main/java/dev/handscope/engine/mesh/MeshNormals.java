package dev.handscope.engine.mesh;

/** Smooth vertex normals: the area-weighted sum of the adjacent faces' normals, normalised. */
public final class MeshNormals {
    private MeshNormals() {
    }

    public static float[] compute(float[] vertices, int[] faces, float[] out) {
        java.util.Arrays.fill(out, 0);
        for (int f = 0; f < faces.length; f += 3) {
            int a = 3 * faces[f];
            int b = 3 * faces[f + 1];
            int c = 3 * faces[f + 2];
            float ux = vertices[b] - vertices[a];
            float uy = vertices[b + 1] - vertices[a + 1];
            float uz = vertices[b + 2] - vertices[a + 2];
            float vx = vertices[c] - vertices[a];
            float vy = vertices[c + 1] - vertices[a + 1];
            float vz = vertices[c + 2] - vertices[a + 2];
            float nx = uy * vz - uz * vy;
            float ny = uz * vx - ux * vz;
            float nz = ux * vy - uy * vx;
            for (int v : new int[] {a, b, c}) {
                out[v] += nx;
                out[v + 1] += ny;
                out[v + 2] += nz;
            }
        }
        for (int i = 0; i < out.length; i += 3) {
            float length = (float) Math.sqrt(out[i] * out[i] + out[i + 1] * out[i + 1] + out[i + 2] * out[i + 2]);
            if (length > 0) {
                out[i] /= length;
                out[i + 1] /= length;
                out[i + 2] /= length;
            }
        }
        return out;
    }
}
