package dev.handscope.engine.mesh;

import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Forward kinematics and linear blend skinning of a {@link HandTemplate}: joint transforms from a
 * {@link HandPose}, then every vertex moved by its weighted joint transforms. Buffers are reused:
 * one instance per thread.
 */
public final class Skinning {
    private final HandTemplate template;
    private final Matrix4f[] world = new Matrix4f[HandSkeleton.JOINTS];
    private final Matrix4f[] skin = new Matrix4f[HandSkeleton.JOINTS];
    private final Matrix4f local = new Matrix4f();
    private final Vector3f point = new Vector3f();
    private final org.joml.Matrix3f rotation = new org.joml.Matrix3f();
    private final float[] poseFeature = new float[dev.handscope.engine.mesh.mano.BlendShapes.POSE_FEATURES];
    private final float[] corrected;

    public Skinning(HandTemplate template) {
        this.template = template;
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            world[j] = new Matrix4f();
            skin[j] = new Matrix4f();
        }
        this.corrected = new float[template.vertices().length];
    }

    /** Computes the joint transforms of a pose; then {@link #joint} and {@link #skin} use them. */
    public Skinning pose(HandPose pose) {
        return pose(pose, template.joints());
    }

    /** As {@link #pose(HandPose)}, for a skeleton whose rest joints were reshaped (bone lengths). */
    public Skinning pose(HandPose pose, float[] rest) {
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            int parent = HandSkeleton.PARENTS[j];
            if (parent < 0) {
                // Root: place the wrist, scale about it, turn about it.
                world[j].translation(pose.translation()).scale(pose.scale()).rotate(pose.rotations()[j]);
            } else {
                local.translation(rest[3 * j] - rest[3 * parent], rest[3 * j + 1] - rest[3 * parent + 1],
                        rest[3 * j + 2] - rest[3 * parent + 2]).rotate(pose.rotations()[j]);
                world[parent].mul(local, world[j]);
            }
            // Skinning transform: from the rest position of the joint to its posed frame.
            world[j].translate(-rest[3 * j], -rest[3 * j + 1], -rest[3 * j + 2], skin[j]);
            if (j > 0) {
                // MANO's pose feature: each non-root joint's rotation matrix minus identity, row-major.
                pose.rotations()[j].get(rotation);
                int at = 9 * (j - 1);
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        poseFeature[at + 3 * r + c] = rotation.get(c, r) - (r == c ? 1 : 0);
                    }
                }
            }
        }
        return this;
    }

    /** Posed position of a joint (after {@link #pose}). */
    public Vector3f joint(int j, Vector3f out) {
        return world[j].getTranslation(out);
    }

    /** Posed position of a template point that moves rigidly with joint {@code j}. */
    public Vector3f transform(int j, float x, float y, float z, Vector3f out) {
        return skin[j].transformPosition(out.set(x, y, z));
    }

    /** Posed vertices into {@code out} (778 x 3). */
    public float[] skin(float[] out) {
        return skin(template.vertices(), out);
    }

    /**
     * Posed vertices of reshaped rest vertices {@code v} into {@code out}; with MANO's pose blend
     * shapes, their corrective offsets are added before blending.
     */
    public float[] skin(float[] rest, float[] out) {
        float[] v = rest;
        var blend = template.blend();
        if (blend != null && blend.poseDirs() != null) {
            int features = poseFeature.length;
            float[] dirs = blend.poseDirs();
            for (int i = 0; i < rest.length; i++) {
                float offset = 0;
                for (int k = 0; k < features; k++) {
                    offset += dirs[i * features + k] * poseFeature[k];
                }
                corrected[i] = rest[i] + offset;
            }
            v = corrected;
        }
        float[] w = template.weights();
        for (int i = 0; i < template.vertexCount(); i++) {
            float x = 0;
            float y = 0;
            float z = 0;
            for (int j = 0; j < HandSkeleton.JOINTS; j++) {
                float weight = w[i * HandSkeleton.JOINTS + j];
                if (weight == 0) {
                    continue;
                }
                skin[j].transformPosition(point.set(v[3 * i], v[3 * i + 1], v[3 * i + 2]));
                x += weight * point.x;
                y += weight * point.y;
                z += weight * point.z;
            }
            out[3 * i] = x;
            out[3 * i + 1] = y;
            out[3 * i + 2] = z;
        }
        return out;
    }

    public HandTemplate template() {
        return template;
    }
}
