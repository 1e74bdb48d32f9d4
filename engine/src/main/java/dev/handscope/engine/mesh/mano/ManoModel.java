package dev.handscope.engine.mesh.mano;

import dev.handscope.engine.mesh.HandSkeleton;
import dev.handscope.engine.mesh.HandTemplate;
import java.util.Arrays;

/**
 * A MANO hand model as read from the official pickle: template vertices, faces, skinning weights,
 * the joint regressor, the kinematic tree, and the shape and pose blend shapes.
 *
 * @param template       V x 3 rest vertices (metres)
 * @param faces          F x 3 vertex indices
 * @param weights        V x J skinning weights
 * @param jointRegressor J x V (dense) weights giving each joint from the vertices
 * @param parents        parent of each joint (-1 for the root)
 * @param shapeDirs      V x 3 x S shape blend shapes
 * @param poseDirs       V x 3 x P pose blend shapes (P = 9 x (J - 1))
 */
public record ManoModel(int vertexCount, double[] template, int[] faces, double[] weights, double[] jointRegressor,
                        int[] parents, double[] shapeDirs, int shapeCount, double[] poseDirs, int poseCount) {

    /** MANO's fingertip vertices, thumb to pinky (the ones MANO-based models add as joints 16-20). */
    static final int[] TIP_VERTICES = {745, 317, 444, 556, 673};

    public int jointCount() {
        return parents.length;
    }

    /** Joint positions regressed from the template vertices (J x 3). */
    public double[] restJoints() {
        int joints = jointCount();
        double[] j = new double[joints * 3];
        for (int r = 0; r < joints; r++) {
            for (int v = 0; v < vertexCount; v++) {
                double w = jointRegressor[r * vertexCount + v];
                if (w != 0) {
                    for (int k = 0; k < 3; k++) {
                        j[3 * r + k] += w * template[3 * v + k];
                    }
                }
            }
        }
        return j;
    }

    /**
     * This model as a template HandScope fits and shows (rest shape, no blend shapes applied).
     *
     * @throws IllegalStateException when it does not have MANO's 778 vertices, 1538 faces and 16 joints in MANO's tree
     */
    public HandTemplate toHandTemplate() {
        if (vertexCount != HandTemplate.VERTICES || faces.length != HandTemplate.FACES * 3
                || jointCount() != HandSkeleton.JOINTS) {
            throw new IllegalStateException("a MANO hand has 778 vertices, 1538 faces and 16 joints; this one has "
                    + vertexCount + ", " + faces.length / 3 + " and " + jointCount());
        }
        if (!Arrays.equals(parents, HandSkeleton.PARENTS)) {
            throw new IllegalStateException("unexpected kinematic tree " + Arrays.toString(parents) + ", MANO's is "
                    + Arrays.toString(HandSkeleton.PARENTS));
        }
        float[] vertices = new float[template.length];
        for (int i = 0; i < template.length; i++) {
            vertices[i] = (float) template[i];
        }
        double[] rest = restJoints();
        float[] joints = new float[rest.length];
        for (int i = 0; i < rest.length; i++) {
            joints[i] = (float) rest[i];
        }
        float[] w = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            w[i] = (float) weights[i];
        }
        BlendShapes blend = new BlendShapes(floats(shapeDirs), shapeCount, poseCount == BlendShapes.POSE_FEATURES
                ? floats(poseDirs) : null, floats(jointRegressor));
        return new HandTemplate(vertices, faces.clone(), joints, TIP_VERTICES.clone(), w, blend);
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
