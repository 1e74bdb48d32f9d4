package dev.handscope.engine.stage;

import dev.handscope.engine.concurrent.SideWorker;
import dev.handscope.engine.face.FaceTracker;
import dev.handscope.engine.headpose.FaceGeometry;
import dev.handscope.engine.headpose.HeadPose;
import dev.handscope.engine.headpose.PnpHeadPose;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.result.FaceResult;
import dev.handscope.engine.result.FrameResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Faces beside the hands, on the same frame: follows them with the face tracker, then poses each
 * head two ways (MediaPipe's face geometry, and solvePnP as the cross-check). Its time is the
 * "faces" stage.
 * <p>
 * {@link #startAhead} runs a frame's faces on the stage's own thread while the hands are tracked
 * (the second core of a laptop); the stage's time is then only what the frame waits for them.
 * The faces are the same either way: the face tracker is independent of the hands.
 */
public final class FaceStage implements FrameStage, AutoCloseable {
    private final FaceTracker tracker;
    private final FaceGeometry geometry;
    private final PnpHeadPose pnp;
    private final double fovDegrees;
    private final AutoCloseable models;
    private final SideWorker worker = new SideWorker("handscope-faces");
    private Future<List<FaceResult>> ahead;

    /**
     * @param fovDegrees the camera's horizontal field of view
     * @param models     what to close with the stage (the face models)
     */
    public FaceStage(FaceTracker tracker, FaceGeometry geometry, PnpHeadPose pnp, double fovDegrees,
                     AutoCloseable models) {
        this.tracker = tracker;
        this.geometry = geometry;
        this.pnp = pnp;
        this.fovDegrees = fovDegrees;
        this.models = models;
    }

    @Override
    public String name() {
        return "faces";
    }

    /**
     * Starts this frame's faces on the stage's own thread; the next {@link #apply} collects them.
     * {@code image} must not change until then (the pipeline only reads it while tracking hands).
     */
    public void startAhead(RgbImage image, long timeNanos) {
        collect(); // an earlier start whose frame never reached apply (its tracking failed)
        ahead = worker.submit(() -> faces(image, timeNanos));
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        List<FaceResult> posed = ahead != null ? collect() : faces(input.image(), result.timeNanos());
        return result.withFaces(posed);
    }

    private List<FaceResult> faces(RgbImage image, long timeNanos) {
        List<FaceResult> faces = tracker.process(image, timeNanos);
        List<FaceResult> posed = new ArrayList<>(faces.size());
        for (FaceResult face : faces) {
            float[] landmarks = face.landmarks().toArray();
            HeadPose byGeometry = geometry.headPose(landmarks, image.width(), image.height(), fovDegrees).pose();
            HeadPose byPnp = pnp.headPose(landmarks, image.width(), image.height(), fovDegrees).pose();
            posed.add(face.withPoses(byGeometry, byPnp));
        }
        return posed;
    }

    /** The faces started ahead (waiting for them), or none when nothing was started. */
    private List<FaceResult> collect() {
        Future<List<FaceResult>> started = ahead;
        ahead = null;
        return started == null ? List.of() : SideWorker.await(started, "face tracking");
    }

    @Override
    public void reset() {
        collect();
        tracker.reset();
    }

    @Override
    public void close() throws Exception {
        if (worker.stop()) {
            models.close(); // else a stuck face run may still use them; the process is ending anyway
        }
    }
}
