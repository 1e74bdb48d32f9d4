package dev.handscope.engine.inference;

import java.util.Locale;

/**
 * Which runtime runs a model. {@code auto}: ONNX Runtime on the CPU for a HandScope-converted model
 * (its folder holds the same graph as {@code model.onnx}; about twice as fast as TensorFlow on these
 * networks), TensorFlow for everything else and on the GPU.
 */
public enum ModelBackend {
    AUTO, TENSORFLOW, ONNX;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelBackend parse(String text) {
        for (ModelBackend backend : values()) {
            if (backend.id().equalsIgnoreCase(text.trim())) {
                return backend;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + text + "': use auto, tensorflow or onnx");
    }
}
