package dev.handscope.models.convert;

/** A model cannot be converted; the message names the operator (name and index) or tensor at fault. */
public final class ConversionException extends RuntimeException {
    public ConversionException(String message) {
        super(message);
    }
}
