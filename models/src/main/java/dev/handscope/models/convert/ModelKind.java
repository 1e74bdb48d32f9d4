package dev.handscope.models.convert;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a converted model does, which fixes the names and meanings of its inputs and outputs. */
public enum ModelKind {
    PALM_DETECTOR("palm-detector"),
    HAND_LANDMARKS("hand-landmarks"),
    /** A model of unknown purpose: outputs keep (sanitised) TFLite tensor names. */
    GENERIC("generic");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
