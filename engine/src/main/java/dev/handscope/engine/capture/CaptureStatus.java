package dev.handscope.engine.capture;

/**
 * What the capture thread is doing, for the window's status line and messages.
 *
 * @param state   the phase
 * @param message a sentence for the user (why it failed, what happens next), or empty
 * @param info    the open source, or null when none is open
 */
public record CaptureStatus(State state, String message, SourceInfo info) {

    public enum State {
        /** Opening the source. */
        OPENING,
        /** Delivering frames. */
        RUNNING,
        /** A camera is missing or was lost; the loop tries again every few seconds. */
        RETRYING,
        /** A file or folder played to its end. */
        ENDED,
        /** The source cannot be used; the message says why. */
        FAILED,
        /** The loop was closed. */
        STOPPED
    }
}
