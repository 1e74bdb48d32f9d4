package dev.handscope.engine.headpose;

/**
 * Where a head is and which way it faces, in camera space (x right, y down, z forward into the
 * scene, unmirrored image), from one method.
 *
 * @param yaw         degrees, rotation about the camera's y axis
 * @param pitch       degrees, rotation about the camera's x axis
 * @param roll        degrees, rotation about the camera's z axis
 * @param quaternion  the same rotation as x, y, z, w (the JSON's form: no gimbal lock)
 * @param translation the face model's origin in camera space, metres
 */
public record HeadPose(double yaw, double pitch, double roll, double[] quaternion, double[] translation) {

    public HeadPose {
        if (quaternion.length != 4 || translation.length != 3) {
            throw new IllegalArgumentException("a head pose has a 4-value quaternion and a 3-value translation");
        }
        quaternion = quaternion.clone();
        translation = translation.clone();
    }

    @Override
    public double[] quaternion() {
        return quaternion.clone();
    }

    @Override
    public double[] translation() {
        return translation.clone();
    }
}
