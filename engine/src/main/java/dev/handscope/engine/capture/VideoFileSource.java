package dev.handscope.engine.capture;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** A video file decoded by FFmpeg straight into RGB24. */
public final class VideoFileSource implements FrameSource {
    /** A header claiming more frames than this, yet none decodes, marks a broken file. */
    private static final int SHORTFALL_TOLERANCE = 2;

    static {
        // We report decode problems ourselves, naming the file; FFmpeg's own log would only be noise.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    private final Path path;
    private final FFmpegFrameGrabber grabber;
    private final SourceInfo info;
    private final long intervalNanos;
    private long framesRead;
    private long lastMicros = -1;
    private long deltaNanos;

    private VideoFileSource(Path path, FFmpegFrameGrabber grabber) {
        this.path = path;
        this.grabber = grabber;
        double rate = grabber.getFrameRate();
        long count = grabber.getLengthInVideoFrames();
        this.info = new SourceInfo(SourceKind.VIDEO_FILE, path.toString(), grabber.getImageWidth(),
                grabber.getImageHeight(), rate > 0 && rate < 1000 ? rate : 0, count > 0 ? count : -1);
        this.intervalNanos = info.frameRate() > 0 ? Math.round(1e9 / info.frameRate()) : 0;
    }

    public static VideoFileSource open(Path path) throws CaptureException {
        if (!Files.isRegularFile(path)) {
            throw new CaptureException(path + ": no such video file. Check the path, or pick a file with Open.");
        }
        if (!Files.isReadable(path)) {
            throw new CaptureException(path + ": the video file is not readable (permissions).");
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            throw new CaptureException(path + ": not a readable video (" + reason(e)
                    + "). The file may be truncated, corrupt or in an unsupported format.", e);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly(grabber);
            throw new CaptureException(path + ": the file holds no video stream.");
        }
        return new VideoFileSource(path, grabber);
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public boolean read(Frame target) throws CaptureException {
        org.bytedeco.javacv.Frame decoded;
        try {
            decoded = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new CaptureException(path + ": cannot decode frame " + (framesRead + 1) + " ("
                    + reason(e) + "). The file is truncated or corrupt.", e);
        }
        if (decoded == null || decoded.image == null) {
            checkComplete();
            return false;
        }
        RgbCopy.fromRgbBuffer((ByteBuffer) decoded.image[0], decoded.imageWidth, decoded.imageHeight,
                decoded.imageStride, target);
        target.setSourceMicros(decoded.timestamp);
        // Pace by the file's own timestamps when they advance (variable-rate and recorded files).
        deltaNanos = lastMicros >= 0 && decoded.timestamp > lastMicros ? (decoded.timestamp - lastMicros) * 1000 : 0;
        lastMicros = decoded.timestamp;
        framesRead++;
        return true;
    }

    /**
     * A stream that stops well before the duration in its header was cut off. (Time, not frame
     * counts: for many containers the frame count is only an estimate from duration and rate.)
     */
    private void checkComplete() throws CaptureException {
        long duration = grabber.getLengthInTime();
        long margin = Math.max(200_000, 3 * intervalNanos / 1000);
        if (duration > 0 && lastMicros >= 0 && lastMicros < duration - margin) {
            throw new CaptureException(path + ": the video ends after " + framesRead + " frames at "
                    + lastMicros / 1000 + " ms of its " + duration / 1000 + " ms. The file is truncated or corrupt.");
        }
        if (framesRead == 0 && info.frameCount() > SHORTFALL_TOLERANCE) {
            throw new CaptureException(path + ": no frame could be decoded. The file is truncated or corrupt.");
        }
    }

    @Override
    public long frameIntervalNanos() {
        return deltaNanos > 0 ? deltaNanos : intervalNanos;
    }

    @Override
    public void rewind() throws CaptureException {
        try {
            grabber.setVideoTimestamp(0);
            framesRead = 0;
            lastMicros = -1;
            deltaNanos = 0;
        } catch (FrameGrabber.Exception e) {
            throw new CaptureException(path + ": cannot seek back to the start (" + reason(e) + ").", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // Closing after a failure: the original error is what the user needs to see.
        }
    }

    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // JavaCV's advice to programmers ("Has setFormat() been called?") means nothing to the user.
        return message.replace(" (Has setFormat() been called?)", "")
                .replace(" (For more details, make sure FFmpegLogCallback.set() has been called.)", "").strip();
    }
}
