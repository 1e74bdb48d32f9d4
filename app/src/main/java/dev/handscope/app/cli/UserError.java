package dev.handscope.app.cli;

/**
 * A problem the user can fix (a bad option, an unwritable file): the message is shown as it is,
 * after "handscope COMMAND: ", and the command exits with {@link #exitCode()}; no stack trace.
 */
public final class UserError extends RuntimeException {
    /** The command ran but could not do its job: a file, a model, the output. */
    public static final int FAILED = 1;
    /** The command line itself is wrong: an option outside its range, an unusable value. */
    public static final int USAGE = 2;

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
