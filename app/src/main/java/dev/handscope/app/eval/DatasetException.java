package dev.handscope.app.eval;

/**
 * A labelled dataset that cannot be read as given. The message is for the user: it names the file,
 * what is wrong in it and what to do, and carries no stack trace or parser internals.
 */
public final class DatasetException extends Exception {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }
}
