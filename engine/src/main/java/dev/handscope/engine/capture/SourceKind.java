package dev.handscope.engine.capture;

/** What a frame source reads from. */
public enum SourceKind {
    CAMERA("camera", true),
    VIDEO_FILE("video", false),
    IMAGE("image", false),
    IMAGE_FOLDER("image folder", false);

    private final String label;
    private final boolean live;

    SourceKind(String label, boolean live) {
        this.label = label;
        this.live = live;
    }

    public String label() {
        return label;
    }

    /** Live sources run in real time on their own; the others are played back by the capture loop. */
    public boolean isLive() {
        return live;
    }
}
