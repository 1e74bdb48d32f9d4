package dev.handscope.app.export.recording;

import dev.handscope.app.export.SessionRecording;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.FramePool;
import dev.handscope.engine.capture.VideoFileSource;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.mediapipe.MediaPipeHands;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Real session recordings for tests: the shared test video's first frames through the lite models. */
public final class TestRecordings {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "media", "hand_landmarker_test_video.mp4");

    private TestRecordings() {
    }

    /**
     * Records {@code frames} frames, 33.4 ms apart, to {@code dir}/session.mkv and session.jsonl.
     *
     * @return the results file
     */
    public static Path record(Path dir, int frames) throws Exception {
        Path results = dir.resolve("session.jsonl");
        ModelCatalogue models = ModelCatalogue.bundled();
        FramePool pool = new FramePool(2);
        try (HandPipeline pipeline = MediaPipeHands.pipeline(models.palmDetector(ModelVariant.LITE),
                models.handLandmarks(ModelVariant.LITE), RuntimeOptions.defaults().withDevice(InferenceDevice.CPU),
                TrackerOptions.defaults());
             VideoFileSource source = VideoFileSource.open(VIDEO);
             SessionRecording recording = new SessionRecording(dir.resolve("session.mkv"), results, 640, 360)) {
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            for (int i = 0; i < frames && source.read(frame); i++) {
                frame.setSourceMicros(Math.round(i * 33.4) * 1000);
                recording.add(frame, pipeline.process(frame));
            }
            frame.release();
        }
        return results;
    }
}
