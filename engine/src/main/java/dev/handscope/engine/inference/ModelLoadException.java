package dev.handscope.engine.inference;

/** A model directory cannot be used; the message names the directory and what is wrong with it. */
public final class ModelLoadException extends Exception {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
