package dev.handscope.models.convert;

import java.io.IOException;

/** A conversion's output folder may not be replaced; the message names it, says why and what to do. */
public final class OutputFolderException extends IOException {
    public OutputFolderException(String message) {
        super(message);
    }
}
