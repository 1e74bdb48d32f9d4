package dev.handscope.app.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs messages, in order, into as few OSC bundles as keep each datagram at most
 * {@link #MAX_BYTES}: 1400 bytes fits a single Ethernet frame with room for IP, UDP and tunnel
 * headers, so no datagram is fragmented on any network, loopback or not. Sizes are measured by
 * javaosc's own serializer into one reused buffer. Not thread-safe: one per sender thread.
 */
public final class BundleSplitter {
    public static final int MAX_BYTES = 1400;
    /** "#bundle\0" and the 8-byte time tag. */
    private static final int BUNDLE_HEADER = 16;
    /** Each element's 4-byte size. */
    private static final int ELEMENT_HEADER = 4;

    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final BufferBytesReceiver bytes = new BufferBytesReceiver(buffer);
    private final OSCSerializer serializer = new OSCSerializerAndParserBuilder().buildSerializer(bytes);

    public List<OSCPacket> split(List<OSCMessage> messages) {
        List<OSCPacket> bundles = new ArrayList<>();
        OSCBundle bundle = new OSCBundle();
        int size = BUNDLE_HEADER;
        for (OSCMessage message : messages) {
            int element = ELEMENT_HEADER + size(message);
            if (BUNDLE_HEADER + element > MAX_BYTES) {
                throw new IllegalArgumentException(message.getAddress() + " alone is over " + MAX_BYTES + " bytes");
            }
            if (size + element > MAX_BYTES) {
                bundles.add(bundle);
                bundle = new OSCBundle();
                size = BUNDLE_HEADER;
            }
            bundle.addPacket(message);
            size += element;
        }
        if (!bundle.getPackets().isEmpty()) {
            bundles.add(bundle);
        }
        return bundles;
    }

    /** The serialized size of {@code packet} in bytes. */
    public int size(OSCPacket packet) {
        bytes.clear();
        try {
            serializer.write(packet);
        } catch (OSCSerializeException e) {
            throw new IllegalArgumentException("cannot encode " + packet + ": " + e.getMessage(), e);
        }
        return bytes.position();
    }
}
