package dev.handscope.engine.tracking;

import dev.handscope.engine.concurrent.SideWorker;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.ModelView;
import java.util.concurrent.Future;

/**
 * A second copy of the landmark model on a thread of its own: with two hands tracked, the second
 * hand's crop is landmarked while the tracking thread does the first, one per core.
 * Owns its landmarker.
 */
final class SecondLandmarker implements AutoCloseable {

    /** What the second landmarker found for one crop, with its time and (when asked) its view. */
    record Answer(HandLandmarks landmarks, long preprocessNanos, long inferenceNanos, ModelView view) {
    }

    private final HandLandmarker landmarker;
    private final SideWorker worker = new SideWorker("handscope-landmarks-2");

    SecondLandmarker(HandLandmarker landmarker) {
        this.landmarker = landmarker;
        landmarker.shareCores(true); // it only ever runs beside the first hand's
    }

    /** Starts landmarking {@code crop}; the image must not change until {@link #await} returns. */
    Future<Answer> start(RgbImage image, RotatedRect crop, boolean keepView) {
        return worker.submit(() -> {
            HandLandmarks found = landmarker.landmark(image, crop);
            return new Answer(found, landmarker.lastTimings().preprocess(), landmarker.lastTimings().inference(),
                    keepView ? landmarker.lastView() : null);
        });
    }

    static Answer await(Future<Answer> answer) {
        return SideWorker.await(answer, "the second hand's landmark model");
    }

    long nonFiniteOutputs() {
        return landmarker.nonFiniteOutputs();
    }

    @Override
    public void close() {
        if (worker.stop()) {
            landmarker.close(); // else its stuck run may still use it; the process is ending anyway
        }
    }
}
