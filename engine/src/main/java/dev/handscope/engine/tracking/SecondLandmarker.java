package dev.handscope.engine.tracking;

import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.ModelView;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "handscope-landmarks-2");
        thread.setDaemon(true);
        return thread;
    });

    SecondLandmarker(HandLandmarker landmarker) {
        this.landmarker = landmarker;
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
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the second hand's landmarks", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the landmark model failed: " + e.getCause(), e.getCause());
        }
    }

    long nonFiniteOutputs() {
        return landmarker.nonFiniteOutputs();
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (worker.awaitTermination(5, TimeUnit.SECONDS)) {
                landmarker.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
