package dev.handscope.engine.signals;

import static dev.handscope.engine.hand.HandTopology.INDEX_MCP;

import dev.handscope.engine.mesh.CameraPlacement;
import dev.handscope.engine.result.HandResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns each tracked hand into its {@link HandSignals}, remembering per hand id what velocity and
 * time visible need: the hand is placed in camera space by {@link CameraPlacement} (world landmarks
 * projected onto the image landmarks with a pinhole camera of the given field of view), and the
 * palm velocity is smoothed exponentially with time constant {@link #VELOCITY_SECONDS}.
 */
public final class InteractionSignals {
    /** Velocity smoothing time constant in seconds. */
    public static final double VELOCITY_SECONDS = 0.1;

    private volatile double fovDegrees;
    private final Map<Integer, Track> tracks = new HashMap<>();
    private final float[] worldBuffer = new float[63];
    private final float[] imageBuffer = new float[63];

    private static final class Track {
        final long firstNanos;
        long lastNanos;
        final float[] palm = new float[3];
        final float[] velocity = new float[3];

        Track(long nanos) {
            firstNanos = nanos;
            lastNanos = nanos;
        }
    }

    /** @param horizontalFovDegrees the camera's horizontal field of view, for camera-space placement */
    public InteractionSignals(double horizontalFovDegrees) {
        this.fovDegrees = horizontalFovDegrees;
    }

    /** The camera's horizontal field of view from the next frame on (the window's --fov). */
    public void fieldOfView(double horizontalFovDegrees) {
        fovDegrees = horizontalFovDegrees;
    }

    /** This frame's signals for {@code hand}, at {@code timeNanos} in an image {@code width} x {@code height}. */
    public HandSignals update(HandResult hand, int width, int height, long timeNanos) {
        float[] world = hand.worldLandmarks().copyInto(worldBuffer);
        float[] image = hand.landmarks().copyInto(imageBuffer);
        float[] shift = CameraPlacement.solve(world, image, width, height, fovDegrees).translation();
        float[] palmWorld = HandGeometry.palmCentre(hand.worldLandmarks());
        float[] palmCamera = plus(palmWorld, shift);
        float[] pointOrigin = {hand.worldLandmarks().x(INDEX_MCP) + shift[0],
            hand.worldLandmarks().y(INDEX_MCP) + shift[1], hand.worldLandmarks().z(INDEX_MCP) + shift[2]};
        Track track = tracks.get(hand.id());
        if (track == null || timeNanos < track.lastNanos) {
            track = new Track(timeNanos);
            System.arraycopy(palmCamera, 0, track.palm, 0, 3);
            tracks.put(hand.id(), track);
        } else if (timeNanos > track.lastNanos) {
            double dt = (timeNanos - track.lastNanos) / 1e9;
            double blend = 1 - Math.exp(-dt / VELOCITY_SECONDS);
            for (int axis = 0; axis < 3; axis++) {
                double now = (palmCamera[axis] - track.palm[axis]) / dt;
                track.velocity[axis] += (float) (blend * (now - track.velocity[axis]));
                track.palm[axis] = palmCamera[axis];
            }
            track.lastNanos = timeNanos;
        }
        return new HandSignals(HandGeometry.pinch(hand.worldLandmarks()), HandGeometry.grab(hand.worldLandmarks()),
                HandGeometry.palmCentre(hand.landmarks()), palmWorld, palmCamera,
                HandGeometry.palmNormal(hand.worldLandmarks(), hand.handedness()), pointOrigin,
                HandGeometry.pointing(hand.worldLandmarks()), track.velocity.clone(),
                (timeNanos - track.firstNanos) / 1e9);
    }

    /** Forgets the hands not in {@code ids} (their tracks ended). */
    public void keepOnly(Set<Integer> ids) {
        tracks.keySet().retainAll(ids);
    }

    /** Forgets every hand. */
    public void reset() {
        tracks.clear();
    }

    private static float[] plus(float[] a, float[] b) {
        return new float[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }
}
