package dev.handscope.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.app.export.ResultJson;
import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.pipeline.PipelineResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The live event stream (--serve): a WebSocket server that sends, per processed frame, the hands
 * (id, handedness, landmarks, world landmarks, gesture) and the frame's events as one JSON message.
 * A client that has not taken the previous message yet skips frames (it always gets the newest);
 * nothing here waits for a client, so the pipeline is never slowed. Clients may send
 * {"type":"ping"} (answered with {"type":"pong"}); anything else is ignored and logged.
 */
public final class EventServer extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private long frames;
    private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);

    public EventServer(InetSocketAddress address) {
        super(address);
        setReuseAddr(true);
        setConnectionLostTimeout(30);
    }

    /** Called on the inference thread for every processed frame. */
    public void publish(PipelineResult result, List<GestureEvent> frameEvents, long timeMs) {
        var tracking = result.tracking();
        if (getConnections().isEmpty()) {
            frames++;
            return;
        }
        String message;
        try {
            message = ResultJson.frameMessage(frames++, timeMs, result.width(), result.height(), tracking.hands(),
                    frameEvents);
        } catch (IOException e) {
            return;
        }
        for (WebSocket client : getConnections()) {
            if (!client.isOpen()) {
                continue;
            }
            if (client.hasBufferedData()) {
                skipped.incrementAndGet(); // still sending the last one: this client gets the next, newer frame
            } else {
                client.send(message);
                sent.incrementAndGet();
            }
        }
    }

    /**
     * Waits until the server listens and returns its port (the one picked when it was asked for 0).
     *
     * @throws IOException when it is not listening within the time
     */
    public int awaitPort(java.time.Duration timeout) throws IOException, InterruptedException {
        if (!listening.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IOException("the event stream is not listening on " + getAddress() + " after " + timeout.toSeconds()
                    + " s");
        }
        return getPort();
    }

    /** Messages sent and skipped (for slow clients) so far. */
    public long sentCount() {
        return sent.get();
    }

    public long skippedCount() {
        return skipped.get();
    }

    @Override
    public void onOpen(WebSocket client, ClientHandshake handshake) {
        client.send("{\"type\":\"hello\",\"server\":\"HandScope\",\"schema\":1}");
    }

    @Override
    public void onClose(WebSocket client, int code, String reason, boolean remote) {
        // nothing kept per client
    }

    @Override
    public void onMessage(WebSocket client, String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node != null && "ping".equals(node.path("type").asText())) {
                client.send("{\"type\":\"pong\"}");
                return;
            }
        } catch (IOException e) {
            // falls through to the log line below
        }
        System.err.println("handscope serve: ignored a message from " + client.getRemoteSocketAddress() + ": "
                + (message.length() > 80 ? message.substring(0, 80) + "…" : message));
    }

    @Override
    public void onError(WebSocket client, Exception error) {
        System.err.println("handscope serve: " + (client == null ? "" : client.getRemoteSocketAddress() + ": ")
                + error.getMessage());
    }

    @Override
    public void onStart() {
        System.out.println("handscope serve: streaming hands on ws://" + getAddress().getHostString() + ":" + getPort());
        listening.countDown();
    }
}
