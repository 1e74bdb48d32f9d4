package dev.handscope.app.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket client on a plain socket that writes whatever frames a test asks for, including ones
 * no real client library would send (a huge announced length, endless fragments, pings it never
 * reads the answers to).
 */
final class RawWebSocket implements AutoCloseable {
    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;
    static final int PING = 0x9;
    static final int STILL_OPEN = 0;
    static final int ENDED = -1;
    private static final int CLOSE = 0x8;
    private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final String status;

    private RawWebSocket(Socket socket, String status) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
        this.status = status;
    }

    /**
     * Connects and sends the opening handshake; origin null sends no Origin header.
     *
     * @param receiveBuffer the socket's receive buffer in bytes (small: the server's answers pile up
     *                      on its side sooner when this client does not read), or 0 for the default
     */
    static RawWebSocket connect(int port, String origin, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return new RawWebSocket(socket, readResponseHead(socket));
    }

    /** The response's status line, e.g. "HTTP/1.1 101 Web Socket Protocol Handshake". */
    String status() {
        return status;
    }

    boolean upgraded() {
        return status.startsWith("HTTP/1.1 101");
    }

    /** Sends a whole masked frame. */
    void sendFrame(int opcode, boolean fin, byte[] payload) throws IOException {
        sendHeader(opcode, fin, payload.length);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ MASK[i % 4]);
        }
        out.write(masked);
    }

    /** Sends a masked frame's header announcing {@code length} payload bytes (the payload is up to the caller). */
    void sendHeader(int opcode, boolean fin, long length) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(14);
        header.write((fin ? 0x80 : 0) | opcode);
        if (length < 126) {
            header.write(0x80 | (int) length);
        } else if (length <= 0xFFFF) {
            header.write(0x80 | 126);
            header.write((int) (length >>> 8));
            header.write((int) length);
        } else {
            header.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) (length >>> shift));
            }
        }
        header.write(MASK, 0, 4);
        out.write(header.toByteArray());
    }

    /** Sends raw bytes (e.g. part of an announced payload). */
    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** Whether the server has sent something not read yet. */
    boolean hasIncoming() throws IOException {
        return in.available() > 0;
    }

    /** Reads the next text message the server sends (skipping control frames other than close). */
    String readText() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode == CLOSE) {
                throw new IOException("closed by the server with code " + frame.closeCode());
            }
            if (frame.opcode == TEXT) {
                return new String(frame.payload, StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Reads until the server closes and returns its close code: {@link #ENDED} when the connection
     * ended without a close frame, {@link #STILL_OPEN} when nothing came for the time.
     */
    int awaitClose(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode == CLOSE) {
                    return frame.closeCode();
                }
            }
        } catch (SocketTimeoutException quiet) {
            return STILL_OPEN;
        } catch (java.io.EOFException | java.net.SocketException ended) {
            return ENDED;
        }
    }

    private Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    private static String readResponseHead(Socket socket) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        var in = socket.getInputStream();
        int matched = 0;
        while (matched < 4 && head.size() < 8192) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private record Frame(int opcode, byte[] payload) {
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }
}
