package dev.handscope.app.osc;

import dev.handscope.engine.result.FrameResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The running OSC and VMC senders of one run: each frame goes to all of them, none of them blocks. */
public final class UdpOutputs implements Consumer<FrameResult>, AutoCloseable {
    private final List<UdpSender> senders;

    private UdpOutputs(List<UdpSender> senders) {
        this.senders = List.copyOf(senders);
    }

    /** Opens a sender per target (a socket each; nothing is sent until the first frame). */
    public static UdpOutputs open(UdpOutputSettings settings) throws IOException {
        List<UdpSender> senders = new ArrayList<>();
        try {
            for (UdpTarget target : settings.osc()) {
                senders.add(new UdpSender(target, new OscFrameMessages(), settings.oscRate()));
            }
            if (settings.vmc() != null) {
                senders.add(new UdpSender(settings.vmc(), new VmcFrameMessages(), 0));
            }
        } catch (IOException e) {
            new UdpOutputs(senders).close();
            throw e;
        }
        return new UdpOutputs(senders);
    }

    /** To every sender (a caller whose results already carry the meshes). */
    @Override
    public void accept(FrameResult result) {
        for (UdpSender sender : senders) {
            sender.accept(result);
        }
    }

    /** To the senders that read no mesh (OSC), as early as the live loop's outputs stage. */
    public void acceptBeforeMesh(FrameResult result) {
        for (UdpSender sender : senders) {
            if (!sender.readsMesh()) {
                sender.accept(result);
            }
        }
    }

    /** To the senders that read the meshes (VMC), after the mesh stage. */
    public void acceptAfterMesh(FrameResult result) {
        for (UdpSender sender : senders) {
            if (sender.readsMesh()) {
                sender.accept(result);
            }
        }
    }

    public List<UdpSender> senders() {
        return senders;
    }

    /** Datagrams sent by all senders so far. */
    public long packets() {
        return senders.stream().mapToLong(UdpSender::packets).sum();
    }

    /** Frames dropped by all senders so far (queue full). */
    public long dropped() {
        return senders.stream().mapToLong(UdpSender::dropped).sum();
    }

    @Override
    public void close() {
        for (UdpSender sender : senders) {
            try {
                sender.close();
            } catch (IOException e) {
                // a UDP socket that fails to close holds nothing worth reporting
            }
        }
    }
}
