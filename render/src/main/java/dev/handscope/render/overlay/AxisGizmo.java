package dev.handscope.render.overlay;

import dev.handscope.engine.headpose.HeadPose;

/**
 * Where a head pose's axes land in the image: from a point on the face (the nose tip), 5 cm along the
 * face's own x, y and z axes, through a pinhole camera of the given horizontal field of view. Plain
 * geometry, image-normalised coordinates (unmirrored).
 */
public final class AxisGizmo {
    /** Axis length in metres. */
    static final double LENGTH = 0.05;

    private AxisGizmo() {
    }

    /**
     * @param originX image-normalised x of the point the axes start from
     * @param originY image-normalised y
     * @return x0, y0 (the origin), then the image-normalised end of the x, y and z axes: 8 values, or
     *         null when the head is not in front of the camera
     */
    public static double[] endpoints(HeadPose pose, double originX, double originY, int width, int height,
                                     double fovDegrees) {
        double depth = pose.translation()[2];
        if (!(depth > 0)) {
            return null;
        }
        double focal = width / 2.0 / Math.tan(Math.toRadians(fovDegrees) / 2);
        // The origin lifted to the head's depth along its camera ray.
        double ox = (originX * width - width / 2.0) * depth / focal;
        double oy = (originY * height - height / 2.0) * depth / focal;
        double[] q = pose.quaternion();
        double[] out = new double[8];
        out[0] = originX;
        out[1] = originY;
        for (int axis = 0; axis < 3; axis++) {
            double[] unit = new double[3];
            unit[axis] = LENGTH;
            double[] turned = rotate(q, unit);
            double z = depth + turned[2];
            if (!(z > 1e-3)) {
                return null;
            }
            out[2 + 2 * axis] = ((ox + turned[0]) * focal / z + width / 2.0) / width;
            out[3 + 2 * axis] = ((oy + turned[1]) * focal / z + height / 2.0) / height;
        }
        return out;
    }

    /** v turned by the unit quaternion q (x, y, z, w). */
    static double[] rotate(double[] q, double[] v) {
        double x = q[0];
        double y = q[1];
        double z = q[2];
        double w = q[3];
        // t = 2 q.xyz x v; v' = v + w t + q.xyz x t
        double tx = 2 * (y * v[2] - z * v[1]);
        double ty = 2 * (z * v[0] - x * v[2]);
        double tz = 2 * (x * v[1] - y * v[0]);
        return new double[] {
            v[0] + w * tx + (y * tz - z * ty),
            v[1] + w * ty + (z * tx - x * tz),
            v[2] + w * tz + (x * ty - y * tx),
        };
    }
}
