package dev.handscope.engine.inference;

import java.util.Locale;

/** Where models run: {@code auto} takes the GPU when the GPU natives and a CUDA device are present. */
public enum InferenceDevice {
    AUTO, CPU, GPU;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InferenceDevice parse(String text) {
        for (InferenceDevice device : values()) {
            if (device.id().equalsIgnoreCase(text.trim())) {
                return device;
            }
        }
        throw new IllegalArgumentException("unknown device '" + text + "': use auto, cpu or gpu");
    }
}
