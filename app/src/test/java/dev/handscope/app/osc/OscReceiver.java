package dev.handscope.app.osc;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A test's UDP receiver on loopback: keeps every datagram and decodes it with javaosc's parser when
 * asked (so that receiving keeps up), in arrival order.
 */
public final class OscReceiver implements AutoCloseable {
    private final DatagramSocket socket;
    private final OSCParser parser = new OSCSerializerAndParserBuilder().buildParser();
    private final List<OSCMessage> messages = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> datagrams = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    public OscReceiver() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(8 << 20);
        thread = new Thread(this::run, "test-osc-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The messages so far, bundles flattened, in arrival order. */
    public List<OSCMessage> messages() {
        parseArrived();
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The size of each datagram so far, in bytes. */
    public List<Integer> sizes() {
        synchronized (sizes) {
            return List.copyOf(sizes);
        }
    }

    /** Datagrams that did not parse. */
    public List<String> problems() {
        parseArrived();
        return List.copyOf(problems);
    }

    /** Waits until no datagram came for {@code quietMillis}. */
    public void awaitQuiet(long quietMillis) throws InterruptedException {
        int seen = -1;
        while (seen != sizes().size()) {
            seen = sizes().size();
            Thread.sleep(quietMillis);
        }
    }

    private void run() {
        byte[] buffer = new byte[65536];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(datagram);
                sizes.add(datagram.getLength());
                datagrams.add(java.util.Arrays.copyOf(buffer, datagram.getLength())); // parsed later: keep up
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private synchronized void parseArrived() {
        List<byte[]> arrived;
        synchronized (datagrams) {
            arrived = List.copyOf(datagrams);
            datagrams.clear();
        }
        for (byte[] bytes : arrived) {
            try {
                flatten(parser.convert(ByteBuffer.wrap(bytes)));
            } catch (OSCParseException e) {
                problems.add(e.getMessage());
            }
        }
    }

    private void flatten(OSCPacket packet) {
        if (packet instanceof OSCBundle bundle) {
            bundle.getPackets().forEach(this::flatten);
        } else {
            messages.add((OSCMessage) packet);
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(1000);
    }
}
