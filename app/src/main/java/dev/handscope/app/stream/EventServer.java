package dev.handscope.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.app.export.FrameJson;
import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.result.FrameResult;
import java.io.IOException;
import java.net.BindException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The live event stream (--serve): a WebSocket server that sends, per processed frame, the hands
 * (id, handedness, landmarks, world landmarks, gesture) and the frame's events as one JSON message.
 * A client that has not taken the previous message yet skips frames (it always gets the newest);
 * nothing here waits for a client, so the pipeline is never slowed. Clients may send
 * {"type":"ping"} (answered with {"type":"pong"}); anything else is ignored and logged.
 *
 * <p>Clients only ever send tiny control messages, so a client is dropped when it sends a message
 * over {@link #MAX_MESSAGE_BYTES}, or keeps asking for answers (pings) while not reading them
 * ({@link #MAX_QUEUED_MESSAGES}); web pages from other computers are refused ({@link OriginPolicy}).
 * Whoever started the server is told, in plain words, when it stops on its own.
 */
public final class EventServer extends WebSocketServer {
    /** The largest message a client may send (it sends pings of a few bytes). */
    static final int MAX_MESSAGE_BYTES = 16 * 1024;
    /**
     * Unsent messages a client may have queued here when it asks for another answer. Frames are
     * skipped for a client that is behind, so only answers pile up, and only when it does not read.
     */
    static final int MAX_QUEUED_MESSAGES = 64;
    /** Distinct refused origins worth a console line each; beyond that, refusals are silent. */
    private static final int REPORTED_ORIGINS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OriginPolicy origins;
    private final Consumer<String> onStopped;
    private final RateLimitedLog log = new RateLimitedLog(5, System::nanoTime, System.err::println);
    private final Set<String> reportedOrigins = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean stopAsked;
    private volatile Exception lastError;
    private long frames;

    /**
     * @param onStopped told, once and on the server's thread, a message for the user when the server
     *                  stops without being asked to (it could not listen, or failed)
     */
    public EventServer(StreamOptions options, Consumer<String> onStopped) {
        super(options.address(), List.<Draft>of(new CappedDraft(MAX_MESSAGE_BYTES)));
        this.origins = options.origins();
        this.onStopped = onStopped;
        setReuseAddr(true);
        setConnectionLostTimeout(30);
    }

    /** Called on the inference thread for every processed frame. */
    public void publish(FrameResult result) {
        if (getConnections().isEmpty()) {
            frames++;
            return;
        }
        String message = FrameJson.streamMessage(result, frames++);
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
        if (!listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
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

    /** Stops the server, closing its clients; the library's own shutdown after a failure does not come here. */
    @Override
    public void stop(int timeoutMs) throws InterruptedException {
        stopAsked = true;
        super.stop(timeoutMs);
    }

    /** The server's thread: when it ends without {@link #stop(int)}, the user is told why. */
    @Override
    public void run() {
        try {
            super.run();
        } finally {
            if (!stopAsked) {
                String message = stoppedMessage(lastError);
                System.err.println("handscope serve: " + message);
                onStopped.accept(message);
            }
        }
    }

    private String stoppedMessage(Exception error) {
        String url = "ws://" + getAddress().getHostString() + ":" + getAddress().getPort();
        if (error instanceof BindException) {
            return "The hand stream could not listen on " + url + " (" + error.getMessage() + "). Close the program"
                    + " that uses this port, or start HandScope with another port (e.g. --serve "
                    + (getAddress().getPort() + 1) + ") or address (--bind).";
        }
        if (error == null) {
            return "The hand stream on " + url + " stopped. Restart HandScope to stream again.";
        }
        return "The hand stream on " + url + " stopped after an error (" + reason(error) + "). Its clients were"
                + " disconnected; restart HandScope to stream again.";
    }

    private static String reason(Exception error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error; // fatal errors come wrapped
        if (cause instanceof OutOfMemoryError) {
            return "out of memory";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket client, Draft draft,
                                                                       ClientHandshake request) throws InvalidDataException {
        String origin = request.hasFieldValue("Origin") ? request.getFieldValue("Origin") : null;
        if (!origins.allows(origin)) {
            if (reportedOrigins.size() < REPORTED_ORIGINS && reportedOrigins.add(origin)) {
                log.print(() -> "handscope serve: refused the web page at " + printable(origin)
                        + "; to let it read your hands, start HandScope with --allow-origin " + printable(origin));
            }
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin not allowed");
        }
        return super.onWebsocketHandshakeReceivedAsServer(client, draft, request);
    }

    @Override
    public void onOpen(WebSocket client, ClientHandshake handshake) {
        client.send("{\"type\":\"hello\",\"server\":\"HandScope\",\"schema\":1}");
    }

    @Override
    public void onClose(WebSocket client, int code, String reason, boolean remote) {
        if (code == CloseFrame.TOOBIG && !remote) {
            log.print(() -> "handscope serve: dropped " + client.getRemoteSocketAddress() + ": it sent a message over "
                    + MAX_MESSAGE_BYTES + " bytes");
        }
        log.printLeftOut();
    }

    @Override
    public void onMessage(WebSocket client, String message) {
        try {
            JsonNode node = JSON.readTree(message);
            if (node != null && "ping".equals(node.path("type").asText())) {
                answer(client, () -> client.send("{\"type\":\"pong\"}"));
                return;
            }
        } catch (IOException e) {
            // falls through to the log line below
        }
        log.print(() -> "handscope serve: ignored a message from " + client.getRemoteSocketAddress() + ": "
                + printable(message));
    }

    /** WebSocket pings: the library answers each with a pong, as long as the client reads them. */
    @Override
    public void onWebsocketPing(WebSocket client, Framedata ping) {
        answer(client, () -> super.onWebsocketPing(client, ping));
    }

    /**
     * Sends an answer the client asked for, unless it has not been reading its earlier ones: those
     * would pile up here without bound, so such a client is dropped instead.
     */
    private void answer(WebSocket client, Runnable send) {
        if (!client.isOpen()) {
            return;
        }
        if (client instanceof WebSocketImpl impl && impl.outQueue.size() >= MAX_QUEUED_MESSAGES) {
            log.print(() -> "handscope serve: dropped " + client.getRemoteSocketAddress() + ": it sends pings"
                    + " without reading the answers");
            client.closeConnection(CloseFrame.POLICY_VALIDATION, "sends pings without reading the answers");
            return;
        }
        send.run();
    }

    @Override
    public void onError(WebSocket client, Exception error) {
        lastError = error; // the library reports what stops the server here, just before it stops
        if (client != null) {
            log.print(() -> "handscope serve: " + client.getRemoteSocketAddress() + ": " + error.getMessage());
        }
    }

    @Override
    public void onStart() {
        System.out.println("handscope serve: streaming hands on ws://" + getAddress().getHostString() + ":" + getPort());
        listening.countDown();
    }

    /** At most 80 characters of what a client sent, for a console line. */
    private static String printable(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
