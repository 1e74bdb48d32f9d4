package dev.handscope.engine.mining;

/** What makes failure mining save a frame: the signs that the tracker or the landmark model went wrong. */
public enum FailureTrigger {
    PRESENCE_DROP("presence_drop", "hand presence fell below the threshold"),
    LANDMARK_JUMP("landmark_jump", "landmarks jumped relative to the hand between frames"),
    HANDEDNESS_FLIP("handedness_flip", "the model's left/right reading flipped on one track"),
    HANDS_OVERLAP("hands_overlap", "two hands' landmark boxes overlap"),
    BONE_LENGTH("bone_length", "a bone's length left the range seen on this track");

    private final String key;
    private final String description;

    FailureTrigger(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** Stable lower-case name, as files and JSON write it. */
    public String key() {
        return key;
    }

    /** What happened, for people. */
    public String description() {
        return description;
    }
}
