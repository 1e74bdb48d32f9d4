package dev.handscope.engine.mesh;

import dev.handscope.engine.landmarks.Handedness;

/**
 * Left or right from a predicted mesh's normals, HandOS's rule: a one-stage model predicts the
 * vertices of either hand in MANO's vertex order, and only the right hand's triangles, wound as
 * for the right hand, have normals leaving the surface. Seen through those triangles, a right
 * hand's normals point outward and a (mirror-image) left hand's point inward.
 * <p>
 * Outward or inward is read against the mesh centroid: the sum over the triangles of
 * {@code (a - m) x (b - m) . (c - m)}, the signed volume of the tetrahedron each triangle makes with
 * the centroid m (times 6). Outward winding gives a positive total (the enclosed volume), inward a
 * negative one. The mesh is open at the wrist, so the total is not exactly the volume, but the
 * opening is small and the sign is what counts. The confidence is the share of the agreeing side,
 * {@code 0.5 + 0.5 |sum| / sum of |terms|}: 1 when every triangle agrees.
 */
public final class MeshHandedness {
    private MeshHandedness() {
    }

    /**
     * @param vertices the mesh's vertices (x, y, z), in the vertex order the faces index
     * @param rightFaces the right hand's triangles (a, b, c per face), outward when counter-clockwise
     * @throws IllegalArgumentException when the mesh has no volume to read (flat or degenerate)
     */
    public static Handedness of(float[] vertices, int[] rightFaces) {
        double sum = signedVolume6(vertices, rightFaces);
        double total = absoluteTerms(vertices, rightFaces);
        if (!(total > 0) || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("the mesh encloses no volume, so its normals tell neither hand");
        }
        double score = 0.5 + 0.5 * Math.min(1, Math.abs(sum) / total);
        return new Handedness(sum >= 0 ? Handedness.RIGHT : Handedness.LEFT, score);
    }

    /** Six times the signed volume the triangles enclose around the vertices' centroid. */
    public static double signedVolume6(float[] vertices, int[] faces) {
        double[] m = centroid(vertices);
        double sum = 0;
        for (int f = 0; f < faces.length; f += 3) {
            sum += term(vertices, faces, f, m);
        }
        return sum;
    }

    private static double absoluteTerms(float[] vertices, int[] faces) {
        double[] m = centroid(vertices);
        double sum = 0;
        for (int f = 0; f < faces.length; f += 3) {
            sum += Math.abs(term(vertices, faces, f, m));
        }
        return sum;
    }

    private static double term(float[] v, int[] faces, int f, double[] m) {
        int a = 3 * faces[f];
        int b = 3 * faces[f + 1];
        int c = 3 * faces[f + 2];
        double ax = v[a] - m[0];
        double ay = v[a + 1] - m[1];
        double az = v[a + 2] - m[2];
        double bx = v[b] - m[0];
        double by = v[b + 1] - m[1];
        double bz = v[b + 2] - m[2];
        double cx = v[c] - m[0];
        double cy = v[c + 1] - m[1];
        double cz = v[c + 2] - m[2];
        return (ay * bz - az * by) * cx + (az * bx - ax * bz) * cy + (ax * by - ay * bx) * cz;
    }

    static double[] centroid(float[] v) {
        double[] m = new double[3];
        int n = v.length / 3;
        for (int i = 0; i < v.length; i += 3) {
            m[0] += v[i];
            m[1] += v[i + 1];
            m[2] += v[i + 2];
        }
        m[0] /= n;
        m[1] /= n;
        m[2] /= n;
        return m;
    }
}
