package dev.handscope.engine.capture;

/** A live source that was working stopped delivering frames (e.g. a camera was unplugged). */
public final class SourceLostException extends CaptureException {
    public SourceLostException(String message) {
        super(message);
    }
}
