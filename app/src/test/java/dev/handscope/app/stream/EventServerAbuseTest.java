package dev.handscope.app.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.FrameResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that try to take the event stream down, or to read it from a foreign web page; after
 * each attack a well-behaved client must still get frames.
 */
class EventServerAbuseTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FrameResult NO_HANDS = FrameResult.untracked(0, 0, 640, 480);

    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private EventServer server;
    private int port;

    private void start(List<String> extraOrigins) throws Exception {
        server = new EventServer(new StreamOptions(new InetSocketAddress("127.0.0.1", 0),
                new OriginPolicy(extraOrigins)), stopped::complete);
        server.start();
        port = server.awaitPort(WAIT);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop(1000);
        }
    }

    @Test
    void headersAnnouncingHugePayloadsAreRefusedBeforeAnythingIsAllocated() throws Exception {
        start(List.of());
        for (int attack = 0; attack < 4; attack++) {
            try (RawWebSocket attacker = RawWebSocket.connect(port, null, 0)) {
                attacker.readText(); // hello
                attacker.sendHeader(RawWebSocket.TEXT, true, 1_500_000_000L);
                attacker.sendBytes(new byte[1024]);
                assertEquals(1009, attacker.awaitClose(WAIT), "closed as too big, attack " + attack);
            }
        }
        assertStillServing();
    }

    @Test
    void endlessContinuationFragmentsAreRefusedOnceTheMessageIsTooBig() throws Exception {
        start(List.of());
        long limit = 32L << 20;
        long sent = 0;
        try (RawWebSocket attacker = RawWebSocket.connect(port, null, 0)) {
            attacker.readText(); // hello
            byte[] fragment = new byte[16 * 1024]; // each fragment alone is under any frame cap
            attacker.sendFrame(RawWebSocket.TEXT, false, fragment);
            try {
                while (sent < limit && !attacker.hasIncoming()) {
                    attacker.sendFrame(RawWebSocket.CONTINUATION, false, fragment);
                    sent += fragment.length;
                }
            } catch (IOException dropped) {
                // the server closed the connection while we were still writing
            }
            assertEquals(1009, attacker.awaitClose(WAIT), "closed as too big after " + sent + " bytes");
        }
        assertTrue(sent < limit, "refused before " + (limit >> 20) + " MiB, after " + sent + " bytes");
        assertStillServing();
    }

    @Test
    void aHandshakeThatNeverEndsIsRefused() throws Exception {
        start(List.of());
        long limit = 64L << 20;
        long sent = 0;
        try (Socket attacker = new Socket("127.0.0.1", port)) {
            var out = attacker.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: ".getBytes(StandardCharsets.US_ASCII));
            byte[] junk = new byte[64 * 1024];
            java.util.Arrays.fill(junk, (byte) 'a');
            try {
                while (sent < limit && attacker.getInputStream().available() == 0) {
                    out.write(junk);
                    sent += junk.length;
                }
            } catch (IOException dropped) {
                // the server closed the connection while we were still writing
            }
        }
        assertTrue(sent < limit, "refused before " + (limit >> 20) + " MiB, after " + sent + " bytes");
        assertStillServing();
    }

    /** A client that sends pings (WebSocket pings or the stream's {"type":"ping"}) and never reads the answers. */
    @ParameterizedTest
    @ValueSource(ints = {RawWebSocket.PING, RawWebSocket.TEXT})
    void aClientFloodingPingsWithoutReadingIsDropped(int opcode) throws Exception {
        start(List.of());
        byte[] ping = opcode == RawWebSocket.PING ? new byte[125]
                : "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
        int maxPings = 400_000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int pings = 0;
        try (RawWebSocket flooder = RawWebSocket.connect(port, null, 4096)) {
            flooder.readText(); // hello
            try {
                while (pings < maxPings && System.nanoTime() < deadline
                        && (pings % 1000 != 0 || !server.getConnections().isEmpty())) {
                    flooder.sendFrame(opcode, true, ping);
                    pings++;
                }
            } catch (IOException dropped) {
                // the server closed the connection while we were still writing
            }
            awaitNoConnections();
        }
        System.out.println("ping flood (opcode " + opcode + "): " + pings + " pings sent, "
                + server.getConnections().size() + " connections left");
        assertTrue(pings < maxPings, "dropped after " + pings + " pings");
        assertStillServing();
    }

    @Test
    void foreignWebPagesAreRefusedAndLocalOnesAndAddedOnesAccepted() throws Exception {
        start(List.of("https://dashboard.example.org"));
        for (String foreign : List.of("https://evil.example.com", "http://localhost.evil.example.com",
                "http://127.0.0.1.nip.io:8765", "https://example.org", "file://")) {
            try (RawWebSocket page = RawWebSocket.connect(port, foreign, 0)) {
                assertFalse(page.upgraded(), foreign + " refused, got " + page.status());
            }
        }
        for (String local : new String[] {null, "null", "http://localhost", "http://localhost:3000",
                "https://127.0.0.1:8443", "http://[::1]:8080", "https://dashboard.example.org",
                "HTTP://LOCALHOST:3000"}) {
            try (RawWebSocket page = RawWebSocket.connect(port, local, 0)) {
                assertTrue(page.upgraded(), local + " accepted, got " + page.status());
                assertTrue(page.readText().contains("\"hello\""), local + " gets the hello");
            }
        }
        assertStillServing();
    }

    @Test
    void theUserIsToldWhenTheStreamCannotListen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            server = new EventServer(new StreamOptions(new InetSocketAddress("127.0.0.1", taken.getLocalPort()),
                    OriginPolicy.localOnly()), stopped::complete);
            server.start();
            String message = stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(message.startsWith("The hand stream could not listen on ws://127.0.0.1:" + taken.getLocalPort()),
                    message);
            assertTrue(message.contains("--serve " + (taken.getLocalPort() + 1)), message);
        }
    }

    @Test
    void stoppingTheStreamOnPurposeIsNotReportedAsAProblem() throws Exception {
        start(List.of());
        server.stop(1000); // returns once the server's thread has ended (or after 1 s)
        assertFalse(stopped.isDone(), "nothing to tell the user: " + stopped.getNow(""));
    }

    /** A fresh client connects and receives a frame. */
    private void assertStillServing() throws Exception {
        CountDownLatch frame = new CountDownLatch(1);
        WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        if (data.toString().contains("\"type\":\"frame\"")) {
                            frame.countDown();
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        for (int i = 0; i < 500 && !frame.await(20, TimeUnit.MILLISECONDS); i++) {
            server.publish(NO_HANDS);
        }
        assertEquals(0, frame.getCount(), "a new client still gets frames");
        client.abort();
    }

    private void awaitNoConnections() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!server.getConnections().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the server's connection set has no listener to wait on
        }
    }
}
