package dev.handscope.engine.stage;

import dev.handscope.engine.face.FaceTracker;
import dev.handscope.engine.headpose.FaceGeometry;
import dev.handscope.engine.headpose.HeadPose;
import dev.handscope.engine.headpose.PnpHeadPose;
import dev.handscope.engine.result.FaceResult;
import dev.handscope.engine.result.FrameResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Faces beside the hands, on the same frame: follows them with the face tracker, then poses each
 * head two ways (MediaPipe's face geometry, and solvePnP as the cross-check). Its time is the
 * "faces" stage.
 */
public final class FaceStage implements FrameStage, AutoCloseable {
    private final FaceTracker tracker;
    private final FaceGeometry geometry;
    private final PnpHeadPose pnp;
    private final double fovDegrees;
    private final AutoCloseable models;

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

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        List<FaceResult> faces = tracker.process(input.image(), result.timeNanos());
        List<FaceResult> posed = new ArrayList<>(faces.size());
        for (FaceResult face : faces) {
            float[] landmarks = face.landmarks().toArray();
            HeadPose byGeometry = geometry.headPose(landmarks, result.width(), result.height(), fovDegrees).pose();
            HeadPose byPnp = pnp.headPose(landmarks, result.width(), result.height(), fovDegrees).pose();
            posed.add(face.withPoses(byGeometry, byPnp));
        }
        return result.withFaces(posed);
    }

    @Override
    public void reset() {
        tracker.reset();
    }

    @Override
    public void close() throws Exception {
        models.close();
    }
}
