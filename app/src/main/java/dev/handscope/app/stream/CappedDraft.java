package dev.handscope.app.stream;

import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.Handshakedata;

/**
 * RFC 6455 with a cap on what a client may send: a frame announcing more than the cap is refused
 * from its header, before any of it is allocated (the library's max frame size), and a message
 * fragmented into small frames is refused once its fragments add up to more than the cap (the
 * library checks only its first and last fragment). Either closes the connection with 1009
 * "message too big". An opening handshake that goes on past {@link #MAX_HANDSHAKE_BYTES} is refused
 * too (the library would keep collecting it, copying it all again on every read).
 */
final class CappedDraft extends Draft_6455 {
    /** Browsers send well under this, cookies for localhost included. */
    static final int MAX_HANDSHAKE_BYTES = 64 * 1024;

    private final int maxMessageBytes;
    private long messageBytes; // of the message being received; one draft per connection

    CappedDraft(int maxMessageBytes) {
        super(List.of(), maxMessageBytes);
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
        Opcode opcode = frame.getOpcode();
        if (opcode == Opcode.TEXT || opcode == Opcode.BINARY) {
            messageBytes = 0;
        }
        if (opcode == Opcode.TEXT || opcode == Opcode.BINARY || opcode == Opcode.CONTINUOUS) {
            messageBytes += frame.getPayloadData().remaining();
            if (messageBytes > maxMessageBytes) {
                throw new LimitExceededException("message over " + maxMessageBytes + " bytes", maxMessageBytes);
            }
        }
        super.processFrame(socket, frame);
    }

    @Override
    public Handshakedata translateHandshake(ByteBuffer buffer) throws InvalidHandshakeException {
        if (buffer.remaining() > MAX_HANDSHAKE_BYTES) {
            throw new InvalidHandshakeException("handshake over " + MAX_HANDSHAKE_BYTES + " bytes");
        }
        return super.translateHandshake(buffer);
    }

    @Override
    public void reset() {
        super.reset();
        messageBytes = 0;
    }

    @Override
    public Draft copyInstance() {
        return new CappedDraft(maxMessageBytes);
    }
}
