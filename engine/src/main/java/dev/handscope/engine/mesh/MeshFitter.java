package dev.handscope.engine.mesh;

import dev.handscope.engine.hand.HandTopology;
import org.joml.Matrix3f;
import org.joml.Quaternionf;
import org.joml.Vector3f;

/**
 * Fits a {@link HandTemplate} to a hand's 21 world landmarks by inverse kinematics: the palm's
 * orientation from the wrist, index and pinky knuckles and the middle knuckle; then each finger
 * bone turned, from the base outward, by the smallest rotation that points it where the landmarks
 * point (no twist about the bone beyond what its parent carries); a uniform scale from the bone
 * lengths. Allocation-free after construction: one fitter per thread.
 */
public final class MeshFitter {
    private final HandTemplate template;
    private final float[] restTips = new float[HandSkeleton.TIPS * 3];
    private final float restLength;
    private final Quaternionf[] global = new Quaternionf[HandSkeleton.JOINTS];
    private final Quaternionf inverse = new Quaternionf();
    private final Quaternionf turn = new Quaternionf();
    private final Matrix3f restFrame = new Matrix3f();
    private final Matrix3f observedFrame = new Matrix3f();
    private final Vector3f a = new Vector3f();
    private final Vector3f b = new Vector3f();
    private final Vector3f p = new Vector3f();
    private final float[] shapedPoints = new float[21 * 3];
    private final float[] shapedJoints = new float[HandSkeleton.JOINTS * 3];
    private final float[] shapedVertices = new float[HandTemplate.VERTICES * 3];
    private final float[] shapedTips = new float[HandSkeleton.TIPS * 3];
    /** MANO's shape from bone lengths, when the template is MANO's; null for HandScope's own. */
    private final dev.handscope.engine.mesh.mano.ShapeFit shapeFit;
    /** Bounds on how far one bone may stretch relative to the hand's overall scale. */
    private static final float MIN_BONE_RATIO = 0.6f;
    private static final float MAX_BONE_RATIO = 1.6f;

    public MeshFitter(HandTemplate template) {
        this.template = template;
        float[] v = template.vertices();
        for (int t = 0; t < HandSkeleton.TIPS; t++) {
            System.arraycopy(v, 3 * template.tips()[t], restTips, 3 * t, 3);
        }
        this.restLength = (float) totalBoneLength(restPoints());
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            global[j] = new Quaternionf();
        }
        this.shapeFit = template.blend() != null && template.blend().shapeCount() > 0
                ? new dev.handscope.engine.mesh.mano.ShapeFit(template) : null;
        // Until the first fit, the shape is the template's own.
        System.arraycopy(template.joints(), 0, shapedJoints, 0, shapedJoints.length);
        System.arraycopy(template.vertices(), 0, shapedVertices, 0, shapedVertices.length);
        System.arraycopy(restTips, 0, shapedTips, 0, shapedTips.length);
    }

    public HandTemplate template() {
        return template;
    }

    /** The template's rest skeleton as 21 MediaPipe-ordered points. */
    public float[] restPoints() {
        float[] points = new float[21 * 3];
        float[] joints = template.joints();
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            System.arraycopy(joints, 3 * j, points, 3 * HandSkeleton.LANDMARK_OF_JOINT[j], 3);
        }
        for (int t = 0; t < HandSkeleton.TIPS; t++) {
            System.arraycopy(restTips, 3 * t, points, 3 * HandSkeleton.TIP_LANDMARKS[t], 3);
        }
        return points;
    }

    /**
     * Fits the pose to 21 world landmarks (metres, MediaPipe order), writing into {@code pose};
     * the wrist is placed on landmark 0.
     */
    public HandPose fit(float[] landmarks, HandPose pose) {
        float scale = (float) (totalBoneLength(landmarks) / restLength);
        reshape(landmarks, scale);
        float[] rest = shapedPoints;
        // Palm: a frame from the wrist -> middle knuckle direction and the palm's normal.
        frame(rest, restFrame);
        frame(landmarks, observedFrame);
        Matrix3f rotation = observedFrame.mul(restFrame.transpose());
        pose.rotations()[0].setFromNormalized(rotation);
        global[0].set(pose.rotations()[0]);
        for (int[] finger : HandSkeleton.FINGERS) {
            for (int k = 0; k < 3; k++) {
                int joint = finger[k];
                int parent = HandSkeleton.PARENTS[joint];
                int from = HandSkeleton.LANDMARK_OF_JOINT[joint];
                int to = k < 2 ? HandSkeleton.LANDMARK_OF_JOINT[finger[k + 1]] : tipLandmarkOf(finger);
                // Where the bone points now (parent's turn applied to the rest bone) and where it should.
                global[parent].transform(a.set(rest[3 * to] - rest[3 * from], rest[3 * to + 1] - rest[3 * from + 1],
                        rest[3 * to + 2] - rest[3 * from + 2]));
                b.set(landmarks[3 * to] - landmarks[3 * from], landmarks[3 * to + 1] - landmarks[3 * from + 1],
                        landmarks[3 * to + 2] - landmarks[3 * from + 2]);
                turn.rotationTo(a, b);
                turn.mul(global[parent], global[joint]);
                // local = parent^-1 * global
                global[parent].invert(inverse).mul(global[joint], pose.rotations()[joint]);
            }
        }
        pose.translation().set(landmarks[0], landmarks[1], landmarks[2]);
        return new HandPose(pose.rotations(), scale, pose.translation());
    }

    /**
     * The template reshaped to the observed bone lengths (relative to the overall scale): each
     * bone stretched along itself, joints moved with it, and every vertex carried by its joints'
     * moves and the stretch of the bones it hangs on. For a MANO template, MANO's own shape
     * coefficients are fitted to the bone lengths instead.
     */
    private void reshape(float[] landmarks, float scale) {
        if (shapeFit != null) {
            shapeFit.apply(shapeFit.fit(landmarks, scale), shapedVertices, shapedJoints, shapedPoints);
            for (int t = 0; t < HandSkeleton.TIPS; t++) {
                System.arraycopy(shapedPoints, 3 * HandSkeleton.TIP_LANDMARKS[t], shapedTips, 3 * t, 3);
            }
            return;
        }
        float[] rest = restPoints();
        System.arraycopy(rest, 0, shapedPoints, 0, 3);
        float[] ratio = new float[21];
        for (int[] bone : HandTopology.BONES) {
            double observed = Math.sqrt(squared(landmarks, bone[0], bone[1])) / scale;
            double template = Math.sqrt(squared(rest, bone[0], bone[1]));
            float r = (float) Math.max(MIN_BONE_RATIO, Math.min(MAX_BONE_RATIO, observed / template));
            ratio[bone[1]] = r;
            for (int k = 0; k < 3; k++) {
                shapedPoints[3 * bone[1] + k] = shapedPoints[3 * bone[0] + k] + (rest[3 * bone[1] + k] - rest[3 * bone[0] + k]) * r;
            }
        }
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            System.arraycopy(shapedPoints, 3 * HandSkeleton.LANDMARK_OF_JOINT[j], shapedJoints, 3 * j, 3);
        }
        for (int t = 0; t < HandSkeleton.TIPS; t++) {
            System.arraycopy(shapedPoints, 3 * HandSkeleton.TIP_LANDMARKS[t], shapedTips, 3 * t, 3);
        }
        float[] v = template.vertices();
        float[] joints = template.joints();
        for (int i = 0; i < HandTemplate.VERTICES; i++) {
            float x = v[3 * i];
            float y = v[3 * i + 1];
            float z = v[3 * i + 2];
            float dx = 0;
            float dy = 0;
            float dz = 0;
            for (int j = 0; j < HandSkeleton.JOINTS; j++) {
                float w = template.weight(i, j);
                if (w == 0) {
                    continue;
                }
                // The joint's move...
                float mx = shapedJoints[3 * j] - joints[3 * j];
                float my = shapedJoints[3 * j + 1] - joints[3 * j + 1];
                float mz = shapedJoints[3 * j + 2] - joints[3 * j + 2];
                // ...and the stretch of the bone it starts, along that bone.
                int child = childLandmark(j);
                if (child >= 0) {
                    int from = HandSkeleton.LANDMARK_OF_JOINT[j];
                    a.set(rest[3 * child] - rest[3 * from], rest[3 * child + 1] - rest[3 * from + 1],
                            rest[3 * child + 2] - rest[3 * from + 2]);
                    float length = a.length();
                    a.div(length);
                    float along = Math.max(0, Math.min(length * 1.3f,
                            (x - joints[3 * j]) * a.x + (y - joints[3 * j + 1]) * a.y + (z - joints[3 * j + 2]) * a.z));
                    float stretch = along * (ratio[child] - 1);
                    mx += a.x * stretch;
                    my += a.y * stretch;
                    mz += a.z * stretch;
                }
                dx += w * mx;
                dy += w * my;
                dz += w * mz;
            }
            shapedVertices[3 * i] = x + dx;
            shapedVertices[3 * i + 1] = y + dy;
            shapedVertices[3 * i + 2] = z + dz;
        }
    }

    /** The landmark at the far end of the bone that joint {@code joint} starts; -1 for the wrist, which starts five. */
    private static int childLandmark(int joint) {
        for (int t = 0; t < HandSkeleton.TIPS; t++) {
            int[] finger = HandSkeleton.FINGERS[t];
            for (int k = 0; k < 3; k++) {
                if (finger[k] == joint) {
                    return k < 2 ? HandSkeleton.LANDMARK_OF_JOINT[finger[k + 1]] : HandSkeleton.TIP_LANDMARKS[t];
                }
            }
        }
        return -1;
    }

    /** Rest joints of the last fit's reshaped skeleton (pass to {@link Skinning#pose(HandPose, float[])}). */
    public float[] shapedJoints() {
        return shapedJoints;
    }

    /** Rest vertices of the last fit's reshaped template (pass to {@link Skinning#skin(float[], float[])}). */
    public float[] shapedVertices() {
        return shapedVertices;
    }

    /** The posed skeleton as 21 MediaPipe-ordered points. */
    public float[] posedPoints(Skinning skinning, float[] out) {
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            skinning.joint(j, p);
            int at = 3 * HandSkeleton.LANDMARK_OF_JOINT[j];
            out[at] = p.x;
            out[at + 1] = p.y;
            out[at + 2] = p.z;
        }
        for (int t = 0; t < HandSkeleton.TIPS; t++) {
            skinning.transform(HandSkeleton.tipParent(t), shapedTips[3 * t], shapedTips[3 * t + 1], shapedTips[3 * t + 2], p);
            int at = 3 * HandSkeleton.TIP_LANDMARKS[t];
            out[at] = p.x;
            out[at + 1] = p.y;
            out[at + 2] = p.z;
        }
        return out;
    }

    private static int tipLandmarkOf(int[] finger) {
        for (int t = 0; t < HandSkeleton.TIPS; t++) {
            if (HandSkeleton.FINGERS[t] == finger) {
                return HandSkeleton.TIP_LANDMARKS[t];
            }
        }
        throw new IllegalArgumentException("not a finger of the skeleton");
    }

    /** Columns: x across the palm, y wrist -> middle knuckle, z the palm normal (index x pinky). */
    private void frame(float[] p, Matrix3f out) {
        Vector3f y = fromWrist(p, HandTopology.MIDDLE_MCP).normalize();
        Vector3f index = fromWrist(p, HandTopology.INDEX_MCP);
        Vector3f pinky = fromWrist(p, HandTopology.PINKY_MCP);
        Vector3f z = index.cross(pinky).normalize();
        Vector3f x = new Vector3f(y).cross(z).normalize();
        z.set(x).cross(y).normalize();
        out.setColumn(0, x).setColumn(1, y).setColumn(2, z);
    }

    private static Vector3f fromWrist(float[] p, int landmark) {
        int w = 3 * HandTopology.WRIST;
        int l = 3 * landmark;
        return new Vector3f(p[l] - p[w], p[l + 1] - p[w + 1], p[l + 2] - p[w + 2]);
    }

    /** Sum of the 20 bones: wrist to each finger base, then along each finger to its tip. */
    static double totalBoneLength(float[] p) {
        double total = 0;
        for (int[] bone : HandTopology.BONES) {
            total += Math.sqrt(squared(p, bone[0], bone[1]));
        }
        return total;
    }

    private static double squared(float[] p, int i, int j) {
        double dx = p[3 * i] - p[3 * j];
        double dy = p[3 * i + 1] - p[3 * j + 1];
        double dz = p[3 * i + 2] - p[3 * j + 2];
        return dx * dx + dy * dy + dz * dz;
    }
}
