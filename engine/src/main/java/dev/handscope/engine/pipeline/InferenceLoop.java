package dev.handscope.engine.pipeline;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.NewestWinsSlot;
import dev.handscope.engine.capture.WorkerThreads;
import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.gesture.GestureEvents;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.metrics.RateMeter;
import dev.handscope.engine.tracking.TrackedHand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The inference thread: takes the newest frame, runs the pipeline and fits a mesh to each hand,
 * then hands the frame with its results to the display through another newest-wins slot (so a
 * slow display never queues either). The frame travels with its results and is released by
 * whoever takes (or drops) them.
 */
public final class InferenceLoop implements AutoCloseable {

    /** A frame and what was found in it. Release it once drawn. */
    public record Output(Frame frame, PipelineResult result, List<HandMesher.HandMesh> meshes, long meshNanos,
                         long startNanos, long doneNanos) {
        /** How long the frame waited between capture and the start of inference. */
        public long captureWaitNanos() {
            return startNanos - frame.captureNanos();
        }

        public void release() {
            frame.release();
        }
    }

    /** Receives every processed frame's results, gesture events and time (ms), on the inference thread. */
    @FunctionalInterface
    public interface Listener {
        void accept(PipelineResult result, List<GestureEvent> events, long timeMs);
    }

    /** Receives every processed frame while a recording runs (on the inference thread, in order). */
    @FunctionalInterface
    public interface Recorder {
        void add(Frame frame, PipelineResult result, long micros) throws Exception;
    }

    private final HandPipeline pipeline;
    private final java.util.List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Events come from every processed frame, not only the ones the display takes. */
    private GestureEvents events = new GestureEvents();
    private volatile Recorder pendingRecorder;
    private volatile boolean stopRecording;
    private Recorder recorder;
    private long recordingOrigin = -1;
    private volatile String recordingFailure;
    /** Completed once a requested stop is taken up (or the thread has ended): no frame reaches the recorder after. */
    private volatile CompletableFuture<Void> recordingStopped = CompletableFuture.completedFuture(null);
    private volatile boolean ended;
    private final HandMesher mesher;
    private final NewestWinsSlot<Frame> input;
    private final NewestWinsSlot<Output> output = new NewestWinsSlot<>(Output::release);
    private final RateMeter rate = RateMeter.perSecond();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;
    private volatile dev.handscope.engine.tracking.TrackerOptions pendingOptions;

    public InferenceLoop(HandPipeline pipeline, HandMesher mesher, NewestWinsSlot<Frame> input) {
        this.pipeline = pipeline;
        this.mesher = mesher;
        this.input = input;
        this.thread = new Thread(this::run, "handscope-inference");
        this.thread.setDaemon(true);
    }

    public InferenceLoop start() {
        pipeline.tracker().reset();
        thread.start();
        return this;
    }

    /** New tracking settings, taken up before the next frame (the tracker itself stays on this thread). */
    public void updateOptions(dev.handscope.engine.tracking.TrackerOptions options) {
        pendingOptions = options;
    }

    /**
     * Starts recording from the next frame: the tracker starts afresh and frame times count from
     * zero in whole milliseconds, exactly as a replay of the recording will see them.
     */
    public void startRecording(Recorder sink) {
        stopRecording = false;
        recordingFailure = null;
        pendingRecorder = sink;
    }

    /**
     * Stops handing frames to the recorder, at the latest before the next frame.
     *
     * @return completed once no frame will reach the recorder any more, so that it can be closed
     */
    public CompletableFuture<Void> stopRecording() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        recordingStopped = stopped;
        pendingRecorder = null;
        stopRecording = true;
        if (ended) {
            stopped.complete(null); // no thread left to take the stop up
        }
        return stopped;
    }

    /** Why the recording stopped by itself (it was set since the last {@link #startRecording}), or null. */
    public String recordingFailure() {
        return recordingFailure;
    }

    /** Called on the inference thread with every processed frame; must not block. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Frames with results, newest first; take and release. */
    public NewestWinsSlot<Output> results() {
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
                dev.handscope.engine.tracking.TrackerOptions options = pendingOptions;
                if (options != null) {
                    pendingOptions = null;
                    pipeline.tracker().setOptions(options);
                }
                if (stopRecording) {
                    stopRecording = false;
                    recorder = null;
                    pipeline.tracker().reset(); // frame times jump back to the source's own
                    events = new GestureEvents();
                    recordingStopped.complete(null);
                }
                Frame frame = input.take(100, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                boolean handedOn = false;
                long start = System.nanoTime();
                try {
                    Recorder starting = pendingRecorder;
                    if (starting != null) {
                        pendingRecorder = null;
                        recorder = starting;
                        recordingOrigin = -1;
                        pipeline.tracker().reset();
                        events = new GestureEvents();
                    }
                    long micros = -1;
                    if (recorder != null) {
                        long time = frame.sourceMicros() >= 0 ? frame.sourceMicros() * 1000 : frame.captureNanos();
                        if (recordingOrigin < 0) {
                            recordingOrigin = time;
                        }
                        micros = (time - recordingOrigin) / 1_000_000 * 1000; // whole ms, as the file keeps them
                        frame.setSourceMicros(micros);
                    }
                    PipelineResult result = pipeline.process(frame);
                    long timeMs = frame.sourceMicros() >= 0 ? frame.sourceMicros() / 1000 : frame.captureNanos() / 1_000_000;
                    List<GestureEvent> frameEvents = events.update(result.tracking().hands(), timeMs);
                    for (Listener listener : listeners) {
                        listener.accept(result, frameEvents, timeMs);
                    }
                    if (recorder != null) {
                        try {
                            recorder.add(frame, result, micros);
                        } catch (Exception e) {
                            recordingFailure = "Recording stopped: " + e.getMessage();
                            recorder = null;
                        }
                    }
                    long meshStart = System.nanoTime();
                    List<HandMesher.HandMesh> meshes = new ArrayList<>(result.tracking().hands().size());
                    for (TrackedHand hand : result.tracking().hands()) {
                        meshes.add(mesher.mesh(hand, frame.width(), frame.height()));
                    }
                    long done = System.nanoTime();
                    rate.record(done);
                    output.offer(new Output(frame, result, meshes, done - meshStart, start, done));
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
            ended = true;
            recordingStopped.complete(null);
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
