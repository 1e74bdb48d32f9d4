package dev.handscope.app.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.gesture.Gesture;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.HandResult;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender never holds up the pipeline: a receiver that is down, a full queue, a rate limit. */
class UdpSenderTest {

    static FrameResult frame(long sequence) {
        float[] points = new float[63];
        for (int i = 0; i < points.length; i++) {
            points[i] = i / 100f;
        }
        HandResult hand = new HandResult(3, 0, Landmarks.of(points), Landmarks.of(points),
                new Handedness("Left", 0.9), null, new Gesture("open_palm", 0.8, -1), null, null, null);
        return new FrameResult(sequence, sequence * 33_000_000L, 640, 480, List.of(hand, hand), false, List.of(),
                new FrameTimings(0, 0, 0, 0, 0), List.of(), List.of());
    }

    /** A loopback port nobody listens on (bound, read, closed). */
    private static UdpTarget closedPort() throws Exception {
        int port;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = socket.getLocalPort();
        }
        return UdpTarget.parse("127.0.0.1:" + port, 0);
    }

    @Test
    void aReceiverThatIsDownCostsThePipelineNothing() throws Exception {
        try (UdpSender sender = new UdpSender(closedPort(), new OscFrameMessages(), 0)) {
            int frames = 2000;
            FrameResult result = frame(1);
            long start = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                sender.accept(result);
            }
            long perFrame = (System.nanoTime() - start) / frames;
            System.out.println("closed port: " + perFrame + " ns a frame on the caller's thread, " + sender.dropped()
                    + " of " + frames + " frames dropped");
            assertTrue(perFrame < 50_000, "accept took " + perFrame + " ns a frame");
            assertTrue(sender.dropped() > 0, "faster than the sender: the queue drops, never blocks");
            Thread.sleep(300);
            assertTrue(sender.packets() + sender.failed() > 0, "the sender thread kept going");
        }
    }

    @Test
    void theRateLimitSkipsFramesThatComeTooSoon() throws Exception {
        try (OscReceiver receiver = new OscReceiver();
             UdpSender sender = new UdpSender(UdpTarget.parse(Integer.toString(receiver.port()), 0),
                     new OscFrameMessages(), 10)) {
            long end = System.nanoTime() + 500_000_000L;
            long offered = 0;
            while (System.nanoTime() < end) {
                sender.accept(frame(offered++));
                Thread.sleep(5);
            }
            receiver.awaitQuiet(200);
            long sent = receiver.messages().stream().filter(m -> m.getAddress().equals("/handscope/frame")).count();
            assertTrue(offered > 50, "offered " + offered);
            assertTrue(sent >= 4 && sent <= 6, "10 a second over half a second: " + sent);
        }
    }

    @Test
    void bundlesAreSplitUnderTheLimitAndKeepEveryMessageInOrder() {
        BundleSplitter splitter = new BundleSplitter();
        List<com.illposed.osc.OSCMessage> messages = new OscFrameMessages().messages(frame(1), 0, 0);
        var bundles = splitter.split(messages);
        assertTrue(bundles.size() >= 4, "two hands of 44 messages: " + bundles.size() + " bundles");
        int count = 0;
        for (var bundle : bundles) {
            assertTrue(splitter.size(bundle) <= BundleSplitter.MAX_BYTES, splitter.size(bundle) + " bytes");
            for (var packet : ((com.illposed.osc.OSCBundle) bundle).getPackets()) {
                assertEquals(messages.get(count++), packet);
            }
        }
        assertEquals(messages.size(), count);
        FrameResult one = frame(1).withHands(List.of(frame(1).hands().get(0)));
        assertEquals(3, splitter.split(new OscFrameMessages().messages(one, 0, 0)).size(), "one hand, no signals");
    }

    @Test
    void targetsParseWithDefaultsAndRefuseBadPortsAndHosts() {
        assertEquals(new InetSocketAddress("127.0.0.1", 9000), UdpTarget.parse("9000", 0).address());
        assertEquals(new InetSocketAddress("127.0.0.1", 9000), UdpTarget.parse(":9000", 0).address());
        assertEquals(new InetSocketAddress("localhost", 39539), UdpTarget.parse("localhost", 39539).address());
        assertTrue(UdpTarget.parse("localhost:9000", 0).isLoopback());
        assertEquals("port 70000 in ':70000' is out of range (1 to 65535)",
                assertThrows(IllegalArgumentException.class, () -> UdpTarget.parse(":70000", 0)).getMessage());
        assertEquals("'localhost' needs a port: HOST:PORT, :PORT or PORT (1 to 65535)",
                assertThrows(IllegalArgumentException.class, () -> UdpTarget.parse("localhost", 0)).getMessage());
        assertEquals("host 'no.such.host.invalid' in 'no.such.host.invalid:9000' does not resolve",
                assertThrows(IllegalArgumentException.class,
                        () -> UdpTarget.parse("no.such.host.invalid:9000", 0)).getMessage());
        // The settings panel checks the form only (no lookup on the UI thread); the lookup says it later.
        UdpTarget.checkForm("no.such.host.invalid:9000", 0);
        assertEquals("port 70000 in ':70000' is out of range (1 to 65535)",
                assertThrows(IllegalArgumentException.class, () -> UdpTarget.checkForm(":70000", 0)).getMessage());
    }
}
