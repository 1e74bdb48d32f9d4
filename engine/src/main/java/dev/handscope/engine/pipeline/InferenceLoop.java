package dev.handscope.engine.pipeline;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.NewestWinsSlot;
import dev.handscope.engine.capture.WorkerThreads;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.metrics.RateMeter;
import dev.handscope.engine.mining.MiningOptions;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.stage.FrameStage;
import dev.handscope.engine.stage.MeshStage;
import dev.handscope.engine.stage.MiningStage;
import dev.handscope.engine.stage.OutputStage;
import dev.handscope.engine.stage.RecordingStage;
import dev.handscope.engine.tracking.TrackerOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The inference thread: takes the newest frame, runs the pipeline with the live stages (outputs,
 * recording, failure mining, mesh, in that order, so none of them waits for the mesh, then the
 * outputs that read the mesh, e.g. VMC's bones), then hands
 * the frame with its result to the display through another newest-wins slot (so a slow display
 * never queues either). The frame travels with its result and is released by whoever takes (or
 * drops) it.
 */
public final class InferenceLoop implements AutoCloseable {
    private final HandPipeline pipeline;
    private final OutputStage outputs = new OutputStage();
    private final OutputStage meshOutputs = new OutputStage("mesh outputs");
    private final RecordingStage recording = new RecordingStage();
    private final MiningStage mining = new MiningStage();
    private final List<FrameStage> stages;
    private final NewestWinsSlot<Frame> input;
    private final NewestWinsSlot<ProcessedFrame> output = new NewestWinsSlot<>(ProcessedFrame::release);
    private final RateMeter rate = RateMeter.perSecond();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;
    private volatile TrackerOptions pendingOptions;

    public InferenceLoop(HandPipeline pipeline, HandMesher mesher, NewestWinsSlot<Frame> input) {
        this.pipeline = pipeline;
        // Meshing first: the stream, recordings and mining see each hand's camera-space placement; VMC its bones.
        this.stages = List.of(new MeshStage(mesher), outputs, meshOutputs, recording, mining);
        this.input = input;
        this.thread = new Thread(this::run, "handscope-inference");
        this.thread.setDaemon(true);
    }

    public InferenceLoop start() {
        pipeline.restart(stages);
        thread.start();
        return this;
    }

    /** New tracking settings, taken up before the next frame (the tracker itself stays on this thread). */
    public void updateOptions(TrackerOptions options) {
        pendingOptions = options;
    }

    /**
     * Starts recording from the next frame: the tracker starts afresh and frame times count from
     * zero in whole milliseconds, exactly as a replay of the recording will see them.
     */
    public void startRecording(RecordingStage.Recorder sink) {
        recording.start(sink);
    }

    /**
     * Stops handing frames to the recorder, at the latest before the next frame.
     *
     * @return completed once no frame will reach the recorder any more, so that it can be closed
     */
    public CompletableFuture<Void> stopRecording() {
        return recording.stop();
    }

    /** Why the recording stopped by itself (since the last {@link #startRecording}), or null. */
    public String recordingFailure() {
        return recording.failure();
    }

    /** Mines failures from the next frame on: each frame a trigger fires on goes to {@code sink}, which must not block. */
    public void mineFailures(MiningOptions options, MiningStage.Sink sink) {
        mining.start(options, sink);
    }

    public void stopMining() {
        mining.stop();
    }

    /** Called on the inference thread with every processed frame's result; must not block. */
    public void addListener(Consumer<FrameResult> listener) {
        outputs.addListener(listener);
    }

    /** As {@link #addListener}, after the mesh stage: the result carries each hand's mesh. */
    public void addMeshListener(Consumer<FrameResult> listener) {
        meshOutputs.addListener(listener);
    }

    /** Frames with results, newest first; take and release. */
    public NewestWinsSlot<ProcessedFrame> results() {
        return output;
    }

    /** Frames per second through the pipeline over the last second. */
    public double rate() {
        return rate.rate(System.nanoTime());
    }

    /** Why inference stopped, or null while it runs. */
    public String failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                TrackerOptions options = pendingOptions;
                if (options != null) {
                    pendingOptions = null;
                    pipeline.tracker().setOptions(options);
                }
                if (recording.takeUpStop()) {
                    pipeline.restart(stages); // frame times jump back to the source's own
                }
                Frame frame = input.take(100, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                boolean handedOn = false;
                long start = System.nanoTime();
                try {
                    FrameResult result = pipeline.process(frame, stages);
                    long done = System.nanoTime();
                    rate.record(done);
                    output.offer(new ProcessedFrame(frame, result, start, done));
                    handedOn = true;
                } finally {
                    if (!handedOn) {
                        frame.release();
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            failure = "Hand tracking stopped: " + e.getMessage();
        } finally {
            recording.ended();
        }
    }

    /** Stops the thread; the pipeline stays open for the next source. */
    @Override
    public void close() {
        running = false;
        WorkerThreads.stop(thread);
        output.clear();
    }
}
