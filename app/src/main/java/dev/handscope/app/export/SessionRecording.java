package dev.handscope.app.export;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.result.FrameResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Records a session: every frame the pipeline processed, losslessly (FFV1, RGB, in Matroska) with
 * its time in whole milliseconds, and a JSON line of its results, flushed per frame. Because the
 * video is lossless and the times are the ones the tracker used, replaying the file with the same
 * settings gives the same results frame by frame. Encoding runs on its own thread; a full queue
 * makes the caller wait rather than lose frames.
 */
public final class SessionRecording implements AutoCloseable {
    private static final int QUEUE = 8;

    private record Item(byte[] rgb, int width, int height, long micros, String json) {
    }

    private final Path video;
    private final Path resultsFile;
    private final BufferedWriter results;
    private final FFmpegFrameRecorder recorder;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private final org.bytedeco.javacv.Frame image;
    private volatile IOException failure;
    private volatile boolean closing;
    private long frames;

    public SessionRecording(Path video, Path results, int width, int height) throws IOException {
        this.video = video;
        this.resultsFile = results;
        Files.createDirectories(video.toAbsolutePath().getParent());
        this.results = Files.newBufferedWriter(results, StandardCharsets.UTF_8);
        this.recorder = new FFmpegFrameRecorder(video.toFile(), width, height, 0);
        recorder.setFormat("matroska");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_BGR0); // RGB kept exactly: no chroma subsampling
        recorder.setFrameRate(1000); // the time base: frames keep their times to the millisecond
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            this.results.close();
            throw new IOException(video + ": cannot start recording (" + e.getMessage() + ")", e);
        }
        this.image = new org.bytedeco.javacv.Frame(width, height, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3);
        this.writer = new Thread(this::drain, "handscope-recorder");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Adds a processed frame and its results (call on the inference thread, in order).
     *
     * @param micros the time the tracker used for this frame, relative to the recording's start
     */
    public void add(Frame frame, FrameResult result) throws IOException, InterruptedException {
        if (failure != null) {
            throw failure;
        }
        int bytes = frame.width() * frame.height() * 3;
        byte[] copy = new byte[bytes];
        System.arraycopy(frame.rgb(), 0, copy, 0, bytes);
        String json = FrameJson.resultLine(result, frames++);
        queue.put(new Item(copy, frame.width(), frame.height(), frame.sourceMicros(), json));
    }

    private void drain() {
        try {
            while (!closing || !queue.isEmpty()) {
                Item item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item == null) {
                    continue;
                }
                ByteBuffer pixels = (ByteBuffer) image.image[0];
                int stride = image.imageStride;
                for (int y = 0; y < item.height(); y++) {
                    pixels.position(y * stride);
                    pixels.put(item.rgb(), y * item.width() * 3, item.width() * 3);
                }
                pixels.position(0);
                recorder.setTimestamp(item.micros());
                recorder.record(image, avutil.AV_PIX_FMT_RGB24);
                results.write(item.json());
                results.newLine();
                results.flush();
            }
        } catch (IOException e) {
            failure = e;
            queue.clear(); // a frame waiting for room goes in, and the next one hears of the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path video() {
        return video;
    }

    /** The JSON-lines file of results. */
    public Path results() {
        return resultsFile;
    }

    /** Frames handed in so far. */
    public long frames() {
        return frames;
    }

    /** Writes what is queued, then closes the files. */
    @Override
    public void close() throws IOException {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            recorder.stop();
            recorder.release();
        } finally {
            try {
                results.close();
            } finally {
                image.close();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
