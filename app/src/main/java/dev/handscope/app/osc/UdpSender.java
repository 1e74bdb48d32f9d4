package dev.handscope.app.osc;

import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.transport.OSCPortOut;
import dev.handscope.engine.result.FrameResult;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends each frame result, encoded by one protocol, to one UDP target without ever blocking the
 * caller: {@link #accept} puts the immutable result in a small bounded queue (a full queue drops the
 * frame and counts it), and a sender thread encodes, splits into bundles and sends. UDP needs no
 * receiver, so one that is down costs a failed send on the sender thread only (counted). An optional
 * rate limit skips frames that come sooner than {@code 1 / rate} after the last one taken.
 */
public final class UdpSender implements Consumer<FrameResult>, AutoCloseable {
    /** Frames waiting to be sent; more than a few means the network is slower than tracking. */
    static final int QUEUE = 4;

    private final UdpTarget target;
    private final PacketEncoder encoder;
    private final long minIntervalNanos;
    private final OSCPortOut port;
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(QUEUE);
    private final BundleSplitter splitter = new BundleSplitter();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private long lastTaken = Long.MIN_VALUE;
    private long offered;
    private long firstTimeNanos;
    private volatile boolean running = true;

    /**
     * @param maxRate frames per second at most, or 0 for every frame
     * @throws IOException when no UDP socket can be opened
     */
    public UdpSender(UdpTarget target, PacketEncoder encoder, double maxRate) throws IOException {
        this.target = target;
        this.encoder = encoder;
        this.minIntervalNanos = maxRate > 0 ? Math.round(1e9 / maxRate) : 0;
        this.port = new OSCPortOut(target.address());
        this.thread = new Thread(this::run, "handscope-" + encoder.name() + "-" + target.text());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A frame waiting to be sent, with this output's number and time for it. */
    private record Queued(FrameResult result, long frame, float seconds) {
    }

    /** On the inference thread: queues the frame, or drops it when the queue is full; never blocks. */
    @Override
    public void accept(FrameResult result) {
        long frame = offered++;
        if (frame == 0) {
            firstTimeNanos = result.timeNanos();
        }
        long now = System.nanoTime();
        if (minIntervalNanos > 0 && lastTaken != Long.MIN_VALUE && now - lastTaken < minIntervalNanos) {
            return;
        }
        lastTaken = now;
        if (!queue.offer(new Queued(result, frame, (float) ((result.timeNanos() - firstTimeNanos) / 1e9)))) {
            dropped.incrementAndGet();
        }
    }

    public UdpTarget target() {
        return target;
    }

    public String protocol() {
        return encoder.name();
    }

    /** Whether it must be fed results that carry the meshes. */
    public boolean readsMesh() {
        return encoder.readsMesh();
    }

    /** Datagrams sent so far. */
    public long packets() {
        return packets.get();
    }

    /** Frames dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Datagrams the network refused (e.g. "port unreachable" from a receiver that is down). */
    public long failed() {
        return failed.get();
    }

    private void run() {
        try {
            while (running || !queue.isEmpty()) { // what was queued before close still goes out
                Queued next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    send(next);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private void send(Queued next) {
        for (OSCPacket packet : splitter.split(encoder.messages(next.result(), next.frame(), next.seconds()))) {
            try {
                port.send(packet);
                packets.incrementAndGet();
            } catch (IOException | OSCSerializeException e) {
                failed.incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt(); // a send that hangs past a second is given up
        port.close();
    }
}
