package dev.handscope.engine.capture;

/**
 * A source could not be opened or read. The message is meant for the user: it names the camera or
 * file, says what is wrong and, where there is one, what to do about it.
 */
public class CaptureException extends Exception {
    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
