package dev.handscope.app.stream;

import dev.handscope.engine.mediapipe.MediaPipeHands;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.FramePool;
import dev.handscope.engine.capture.VideoFileSource;
import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real WebSocket clients on the event stream of a replayed video. */
class EventServerTest {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "media", "hand_landmarker_test_video.mp4");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void clientsGetFramesAndEventsAndAClientThatStopsReadingSlowsNothing() throws Exception {
        EventServer server = new EventServer(new StreamOptions(new InetSocketAddress("127.0.0.1", 0),
                OriginPolicy.localOnly()), stopped -> { });
        server.start();
        URI uri = URI.create("ws://127.0.0.1:" + server.awaitPort(java.time.Duration.ofSeconds(10)));
        HttpClient http = HttpClient.newHttpClient();
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocket reader = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(partial.toString());
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        // This client never asks for a message: whatever is sent to it piles up on its side.
        WebSocket stalled = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket socket) {
                // no request(): it reads nothing
            }
        }).get(10, TimeUnit.SECONDS);
        reader.sendText("{\"type\":\"ping\"}", true);
        reader.sendText("not json at all", true); // ignored and logged, the connection stays

        ModelCatalogue models = ModelCatalogue.bundled();
        FramePool pool = new FramePool(2);
        long slowestPublish = 0;
        try (HandPipeline pipeline = MediaPipeHands.pipeline(models.palmDetector(ModelVariant.LITE),
                models.handLandmarks(ModelVariant.LITE), RuntimeOptions.defaults().withDevice(InferenceDevice.CPU),
                TrackerOptions.defaults());
             VideoFileSource source = VideoFileSource.open(VIDEO)) {
            Frame frame = pool.acquire(1, TimeUnit.SECONDS);
            while (source.read(frame)) {
                FrameResult result = pipeline.process(frame); // gestures and events are the pipeline's own stages
                long start = System.nanoTime();
                server.publish(result);
                slowestPublish = Math.max(slowestPublish, System.nanoTime() - start);
            }
            frame.release();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        server.stop(1000);

        assertTrue(received.get(0).contains("\"hello\""), received.get(0));
        assertTrue(received.stream().anyMatch(m -> m.contains("\"pong\"")), "ping answered");
        List<JsonNode> frames = received.stream().filter(m -> m.contains("\"type\":\"frame\"")).map(m -> {
            try {
                return JSON.readTree(m);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertTrue(frames.size() >= 100, frames.size() + " frames received");
        assertTrue(frames.stream().anyMatch(f -> f.get("hands").size() == 1
                && f.get("hands").get(0).get("landmarks").size() == 21
                && f.get("hands").get(0).has("gesture")), "hands with landmarks and gestures");
        assertTrue(frames.stream().anyMatch(f -> f.get("events").toString().contains("gesture_start")),
                "gesture events");
        assertTrue(slowestPublish < TimeUnit.MILLISECONDS.toNanos(50),
                "publishing never waits for a client: slowest " + slowestPublish / 1e6 + " ms");
        stalled.abort();
    }
}
