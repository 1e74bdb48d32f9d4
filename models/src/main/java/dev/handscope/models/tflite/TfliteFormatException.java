package dev.handscope.models.tflite;

/** The bytes are not a valid TFLite model (schema v3); the message says what is wrong. */
public final class TfliteFormatException extends RuntimeException {
    public TfliteFormatException(String message) {
        super(message);
    }
}
