package dev.handscope.engine.mesh.mano;

/**
 * MANO's blend shapes, kept with a template built from MANO: shape directions (identity) and pose
 * directions (corrective offsets driven by the joints' rotations), plus the joint regressor that
 * turns a reshaped mesh into its joints.
 *
 * @param shapeDirs      V x 3 x shapeCount
 * @param poseDirs       V x 3 x 135 (9 per non-root joint: rotation matrix minus identity, row-major)
 * @param jointRegressor J x V
 */
public record BlendShapes(float[] shapeDirs, int shapeCount, float[] poseDirs, float[] jointRegressor) {
    public static final int POSE_FEATURES = 135;
}
