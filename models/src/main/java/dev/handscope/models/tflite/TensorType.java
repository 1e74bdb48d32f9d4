package dev.handscope.models.tflite;

/** TFLite tensor element types (schema v3 codes). */
public enum TensorType {
    FLOAT32, FLOAT16, INT32, UINT8, INT64, STRING, BOOL, INT16, COMPLEX64, INT8, FLOAT64;

    static TensorType of(int code) {
        TensorType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new TfliteFormatException("unknown tensor type code " + code);
        }
        return all[code];
    }
}
