package dev.handscope.engine.mesh;

/**
 * A skinnable hand mesh with MANO's shape of data: 778 vertices, 1538 triangles, 16 joints in
 * MANO's order ({@link HandSkeleton}), 5 fingertip vertices, and linear-blend-skinning weights.
 * Rest pose: a flat open right hand, metres, wrist joint at the origin, fingers along +y, thumb
 * toward +x, palm facing +z.
 *
 * @param vertices  778 x (x, y, z)
 * @param faces     1538 x 3 vertex indices, counter-clockwise seen from outside
 * @param joints    16 x (x, y, z) rest joint positions
 * @param tips      vertex index of each fingertip, thumb to pinky
 * @param weights   778 x 16 skinning weights, each row summing to 1
 * @param blend     MANO's blend shapes when the template is MANO's, else null
 */
public record HandTemplate(float[] vertices, int[] faces, float[] joints, int[] tips, float[] weights,
                           dev.handscope.engine.mesh.mano.BlendShapes blend) {

    /** A template without blend shapes (HandScope's own). */
    public HandTemplate(float[] vertices, int[] faces, float[] joints, int[] tips, float[] weights) {
        this(vertices, faces, joints, tips, weights, null);
    }
    public static final int VERTICES = 778;
    public static final int FACES = 1538;

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int faceCount() {
        return faces.length / 3;
    }

    public float weight(int vertex, int joint) {
        return weights[vertex * HandSkeleton.JOINTS + joint];
    }

    /**
     * The left hand: mirrored across x, with every triangle's winding flipped so that normals still
     * point outward. (Blend shapes are not mirrored: MANO ships a left model of its own.)
     */
    public HandTemplate mirrored() {
        float[] v = vertices.clone();
        for (int i = 0; i < v.length; i += 3) {
            v[i] = -v[i];
        }
        float[] j = joints.clone();
        for (int i = 0; i < j.length; i += 3) {
            j[i] = -j[i];
        }
        int[] f = faces.clone();
        for (int i = 0; i < f.length; i += 3) {
            f[i + 1] = faces[i + 2];
            f[i + 2] = faces[i + 1];
        }
        return new HandTemplate(v, f, j, tips.clone(), weights.clone());
    }
}
