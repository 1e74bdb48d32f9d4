package dev.handscope.engine.capture;

/**
 * Something that delivers frames: a camera, a video file, an image or a folder of images.
 * A source is used by one thread at a time (the capture thread).
 */
public interface FrameSource extends AutoCloseable {

    SourceInfo info();

    /**
     * Reads the next frame into {@code target} (resizing it as needed).
     *
     * @return false at the end of a finite source
     * @throws SourceLostException when a live source stopped working
     * @throws CaptureException    when the source is unreadable or corrupt; the message names it
     */
    boolean read(Frame target) throws CaptureException;

    /**
     * How long after the previous frame this one should be shown when played at native speed, in
     * nanoseconds; 0 when the source has no rate of its own (live sources pace themselves, stills
     * are paced by the capture options).
     */
    default long frameIntervalNanos() {
        return 0;
    }

    /** Files this source could not read and played past (a folder's damaged images); none for the others. */
    default SkippedFiles skippedFiles() {
        return SkippedFiles.NONE;
    }

    /** Starts a finite source again from its first frame (for looping); nothing to do for the others. */
    default void rewind() throws CaptureException {
    }

    @Override
    void close();
}
