package dev.handscope.app.ui.actions;

/**
 * Everything the window's keys, buttons and menus can do, by name. What each one runs is bound
 * once, in an {@link ActionMap}; the key table ({@link Shortcuts}) and the menus both go through it.
 */
public enum WindowAction {
    TOGGLE_PAUSE("Pause / resume (Space)"),
    /** The toolbar's step button: the source's next frame, pausing first. */
    NEXT_FRAME("Show the next frame while paused (→)"),
    /** →: forward through the history while stepping back in it, else the source's next frame. */
    STEP_FORWARD("Step forward"),
    STEP_BACK("Step back"),
    /** ↓: a dataset's next image, worst first. */
    NEXT_IMAGE("Next dataset image, worst first (↓)"),
    PREVIOUS_IMAGE("Previous dataset image (↑)"),
    MIRROR("Mirror the display only; tracking always sees the real image (M)"),
    OPEN_FILE("Open a video or an image (O)"),
    OPEN_FOLDER("Open a folder of images"),
    /** Opens the current source again (after it failed, or tracking stopped). */
    RETRY("Try again"),
    TOGGLE_3D("Show the 3D hand meshes beside the video (3)"),
    WIREFRAME("Wireframe"),
    SKELETON("Skeleton"),
    GUIDES("Grid and axes"),
    CENTRED("Each hand centred"),
    RESET_3D("Reset view (double-click)"),
    DETACH_3D("Detach into its own window"),
    SAVE_MESHES("Write the current hands as OBJ files and hands.json (S)"),
    HUD("Latency HUD (H)"),
    READOUTS("Left/right readouts (R)"),
    PALMS("Palm boxes (B)"),
    CROPS("Crop rectangles (C)"),
    INDICES("Keypoint indices (I)"),
    THUMBNAILS("Model crops (T)"),
    COMPARE("A/B: other landmark model (A)"),
    HEAD_POSE("Head pose: track faces too (P)"),
    FAILURE_SNAPSHOT("Failure snapshot (F)"),
    MINE_FAILURES("Mine failures: snapshot frames where tracking looks wrong (E)"),
    RECORD("Record session (V)"),
    CALIBRATE("Calibrate camera: show a 9x6 checkerboard, 25 mm squares; off saves it"),
    EXPORT_RECORDING("Export recording… (CSV, JSONL, glTF, BVH)"),
    TEACH_GESTURE("Teach a gesture (G)");

    private final String label;

    WindowAction(String label) {
        this.label = label;
    }

    /** How a menu item or a tooltip names it. */
    public String label() {
        return label;
    }
}
