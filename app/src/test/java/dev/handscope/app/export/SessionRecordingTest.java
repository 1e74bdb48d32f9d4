package dev.handscope.app.export;

import dev.handscope.engine.mediapipe.MediaPipeHands;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handscope.app.cli.HandScopeCommand;
import dev.handscope.app.ui.HandScopeApp;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.FramePool;
import dev.handscope.engine.capture.VideoFileSource;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.mesh.HandTemplateFile;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.stage.FrameStage;
import dev.handscope.engine.stage.MeshStage;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A recorded session replays to the very same results, frame by frame. */
class SessionRecordingTest {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "media", "hand_landmarker_test_video.mp4");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void replayingARecordingWithTheSameSettingsGivesIdenticalResults(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("session.mkv");
        Path recorded = dir.resolve("session.jsonl");
        ModelCatalogue models = ModelCatalogue.bundled();
        FramePool pool = new FramePool(2);
        int frames = 0;
        try (HandPipeline pipeline = MediaPipeHands.pipeline(models.palmDetector(ModelVariant.LITE),
                models.handLandmarks(ModelVariant.LITE), RuntimeOptions.defaults().withDevice(InferenceDevice.CPU),
                TrackerOptions.defaults());
             VideoFileSource source = VideoFileSource.open(VIDEO);
             SessionRecording recording = new SessionRecording(video, recorded, 640, 360)) {
            List<FrameStage> meshing = List.of(new MeshStage(new HandMesher(HandTemplateFile.bundled(), 60)));
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            // A live session: times are whatever the camera gave (here: 33.4 ms apart), rounded to ms.
            while (frames < 60 && source.read(frame)) {
                long micros = Math.round(frames * 33.4) * 1000;
                frame.setSourceMicros(micros);
                FrameResult result = pipeline.process(frame, meshing); // as the window's inference loop does
                recording.add(frame, result);
                frames++;
            }
            frame.release();
        }
        assertTrue(Files.size(video) > 100_000, "a lossless video was written");

        Path replayed = dir.resolve("replay.jsonl");
        int exit = new CommandLine(new HandScopeCommand(HandScopeApp::run)).execute("track", "--video", video.toString(), "--out",
                replayed.toString(), "--model", "lite", "--device", "cpu");
        assertEquals(0, exit);
        List<String> live = Files.readAllLines(recorded);
        List<String> again = Files.readAllLines(replayed);
        assertEquals(frames, live.size());
        assertEquals(live.size(), again.size(), "every recorded frame comes back");
        int withHands = 0;
        for (int i = 0; i < live.size(); i++) {
            JsonNode a = withoutTimings(JSON.readTree(live.get(i)));
            JsonNode b = withoutTimings(JSON.readTree(again.get(i)));
            assertEquals(a, b, "frame " + i + " differs on replay");
            withHands += a.get("hands").size() > 0 ? 1 : 0;
            for (JsonNode hand : a.get("hands")) {
                assertEquals(3, hand.get("cameraWrist").size(), "the camera-space wrist is recorded");
                assertTrue(hand.get("cameraWrist").get(2).asDouble() > 0.1, "in front of the camera");
                assertEquals(3, hand.get("cameraWristSigma").size());
            }
        }
        assertTrue(withHands > 50, "the hand is in the recording: " + withHands);
    }

    private static JsonNode withoutTimings(JsonNode frame) {
        ((ObjectNode) frame).remove("timingsMs");
        return frame;
    }
}
