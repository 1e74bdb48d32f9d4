package dev.handscope.engine.headpose;

import org.joml.Matrix3d;
import org.joml.Quaterniond;

/**
 * HandScope's head pose convention (README, "Head pose conventions").
 *
 * <p>Camera space: x right, y down, z forward into the scene, unmirrored image. Head frame: the
 * canonical face's x (toward the image's right for a frontal face), y down the face, z from the
 * face into the head; a face looking straight into the camera, upright, has the identity rotation.
 * {@code R} maps head-frame vectors to camera space: {@code p_camera = R p_head + t}.
 *
 * <p>{@code R = Rz(roll) · Ry(yaw) · Rx(pitch)}, each a right-handed rotation about a camera axis:
 * pitch is applied first (about x), then yaw (about y), then roll (about z, the optical axis).
 * Seen in the image: yaw &gt; 0 turns the nose toward the image's left (the subject turns to
 * their own right), pitch &gt; 0 tips the nose down, roll &gt; 0 turns the head clockwise in the
 * image. Because roll is the last, outermost rotation about the optical axis, rotating the image
 * clockwise by α adds exactly α to roll and leaves yaw and pitch alone; mirroring the image
 * (x → 1 − x) negates yaw and roll and keeps pitch. Ranges: yaw in [−90°, 90°], pitch and roll in
 * (−180°, 180°]; at yaw = ±90° (gimbal lock) roll is reported as 0.
 */
public final class EulerAngles {
    private static final double GIMBAL = 1e-9;

    private EulerAngles() {
    }

    /**
     * The rotation matrix for the angles, row-major 3x3.
     */
    public static double[] matrix(double yawDeg, double pitchDeg, double rollDeg) {
        double a = Math.toRadians(yawDeg);
        double b = Math.toRadians(pitchDeg);
        double c = Math.toRadians(rollDeg);
        double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b), cc = Math.cos(c),
                sc = Math.sin(c);
        return new double[] {
            cc * ca, cc * sa * sb - sc * cb, cc * sa * cb + sc * sb,
            sc * ca, sc * sa * sb + cc * cb, sc * sa * cb - cc * sb,
            -sa, ca * sb, ca * cb,
        };
    }

    /** Yaw, pitch, roll in degrees of a row-major 3x3 rotation matrix. */
    public static double[] angles(double[] r) {
        double sinYaw = -r[6];
        double yaw = Math.asin(Math.max(-1, Math.min(1, sinYaw)));
        double pitch;
        double roll;
        if (Math.abs(sinYaw) < 1 - GIMBAL) {
            pitch = Math.atan2(r[7], r[8]);
            roll = Math.atan2(r[3], r[0]);
        } else {
            pitch = Math.atan2(-r[5], r[4]);
            roll = 0;
        }
        return new double[] {Math.toDegrees(yaw), Math.toDegrees(pitch), Math.toDegrees(roll)};
    }

    /** The rotation as a unit quaternion x, y, z, w (w &ge; 0). */
    public static double[] quaternion(double[] r) {
        // JOML's Matrix3d(m00, m01, m02, m10, ...) takes columns: column j = (r[j], r[3 + j], r[6 + j]).
        Matrix3d m = new Matrix3d(r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]);
        Quaterniond q = new Quaterniond().setFromNormalized(m).normalize();
        double s = q.w < 0 ? -1 : 1;
        return new double[] {s * q.x, s * q.y, s * q.z, s * q.w};
    }

    /**
     * A head pose from a camera-space rotation (row-major 3x3, orthonormalised here) and a
     * translation in metres.
     */
    public static HeadPose headPose(double[] rotation, double[] translationMetres) {
        double[] r = orthonormalise(rotation);
        double[] ypr = angles(r);
        return new HeadPose(ypr[0], ypr[1], ypr[2], quaternion(r), translationMetres);
    }

    /** The row-major rotation matrix of a head pose's quaternion. */
    public static double[] matrix(HeadPose pose) {
        double[] q = pose.quaternion();
        Matrix3d m = new Matrix3d().set(new Quaterniond(q[0], q[1], q[2], q[3]).normalize());
        return new double[] {m.m00, m.m10, m.m20, m.m01, m.m11, m.m21, m.m02, m.m12, m.m22};
    }

    /** The angle in degrees of the rotation between two poses (0 when they face the same way). */
    public static double angleBetween(HeadPose a, HeadPose b) {
        double[] p = a.quaternion();
        double[] q = b.quaternion();
        double dot = Math.abs(p[0] * q[0] + p[1] * q[1] + p[2] * q[2] + p[3] * q[3]);
        return Math.toDegrees(2 * Math.acos(Math.min(1, dot)));
    }

    /** The nearest rotation (through a normalised quaternion) of a near-orthonormal matrix. */
    private static double[] orthonormalise(double[] r) {
        for (double v : r) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the rotation matrix has a non-finite entry");
            }
        }
        Matrix3d m = new Matrix3d(r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]);
        Quaterniond q = new Quaterniond().setFromUnnormalized(m).normalize();
        Matrix3d o = new Matrix3d().set(q);
        return new double[] {o.m00, o.m10, o.m20, o.m01, o.m11, o.m21, o.m02, o.m12, o.m22};
    }
}
