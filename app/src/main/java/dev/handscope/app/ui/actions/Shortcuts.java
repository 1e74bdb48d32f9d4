package dev.handscope.app.ui.actions;

import static dev.handscope.app.ui.actions.WindowAction.*;

import dev.handscope.render.hud.ShortcutHelp;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.input.KeyCode;

/** The window's keyboard shortcuts: one table that both the key handler and the "?" help read. */
public final class Shortcuts {

    /**
     * One line of the help and the keys it describes.
     *
     * @param keys        the keys as the help writes them
     * @param description what they do
     * @param actions     what each key runs; empty for a line that only explains ("?" is a typed
     *                    character, not a key, and the 3D view is driven by the mouse)
     */
    public record Shortcut(String keys, String description, Map<KeyCode, WindowAction> actions) {
    }

    private final List<Shortcut> table;
    private final Map<KeyCode, WindowAction> byKey = new HashMap<>();

    public Shortcuts(List<Shortcut> table) {
        this.table = List.copyOf(table);
        for (Shortcut shortcut : table) {
            shortcut.actions().forEach((key, action) -> {
                if (byKey.putIfAbsent(key, action) != null) {
                    throw new IllegalArgumentException(key + " is bound twice");
                }
            });
        }
    }

    /** The main window's keys, in the help's order (the README's "Keys" table says the same). */
    public static Shortcuts standard() {
        return new Shortcuts(List.of(
                new Shortcut("Space", "pause / resume (an ended file plays again)", Map.of(KeyCode.SPACE, TOGGLE_PAUSE)),
                new Shortcut("→ / ←", "step one frame forward / back (last seconds)",
                        Map.of(KeyCode.RIGHT, STEP_FORWARD, KeyCode.LEFT, STEP_BACK)),
                new Shortcut("↓ / ↑", "dataset: next / previous image, worst first",
                        Map.of(KeyCode.DOWN, NEXT_IMAGE, KeyCode.UP, PREVIOUS_IMAGE)),
                new Shortcut("M", "mirror the display", Map.of(KeyCode.M, MIRROR)),
                new Shortcut("O", "open a video or image", Map.of(KeyCode.O, OPEN_FILE)),
                new Shortcut("3", "show / hide the 3D view", Map.of(KeyCode.DIGIT3, TOGGLE_3D)),
                new Shortcut("W", "wireframe meshes", Map.of(KeyCode.W, WIREFRAME)),
                new Shortcut("S", "save the meshes on screen", Map.of(KeyCode.S, SAVE_MESHES)),
                new Shortcut("H", "latency HUD", Map.of(KeyCode.H, HUD)),
                new Shortcut("R", "left/right readouts", Map.of(KeyCode.R, READOUTS)),
                new Shortcut("B / C / I / T", "debug: palm boxes, crop rectangles, keypoint indices, model crops",
                        Map.of(KeyCode.B, PALMS, KeyCode.C, CROPS, KeyCode.I, INDICES, KeyCode.T, THUMBNAILS)),
                new Shortcut("F", "failure snapshot: frame, crops, raw outputs, results, settings",
                        Map.of(KeyCode.F, FAILURE_SNAPSHOT)),
                new Shortcut("E", "mine failures: automatic snapshots on presence drops, jumps, flips, overlaps, odd bones",
                        Map.of(KeyCode.E, MINE_FAILURES)),
                new Shortcut("A", "A/B: run the other landmark model (full/lite, or --compare DIR) on the same crops",
                        Map.of(KeyCode.A, COMPARE)),
                new Shortcut("P", "head pose: track faces beside the hands, with yaw, pitch and roll",
                        Map.of(KeyCode.P, HEAD_POSE)),
                new Shortcut("V", "record / stop: lossless video + results (replay with --source FILE)",
                        Map.of(KeyCode.V, RECORD)),
                new Shortcut("G", "teach a gesture: type a name, Enter, hold the pose for 3 s",
                        Map.of(KeyCode.G, TEACH_GESTURE)),
                new Shortcut("?", "this help (any key closes it)", Map.of()),
                new Shortcut("3D view", "drag: orbit · scroll: zoom · right-drag: pan · double-click: reset", Map.of())));
    }

    /** What {@code key} runs, or null when it is no shortcut. */
    public WindowAction actionFor(KeyCode key) {
        return byKey.get(key);
    }

    /** Every action some key runs. */
    public Set<WindowAction> actions() {
        return new LinkedHashSet<>(byKey.values());
    }

    /** The help's lines, in the table's order. */
    public List<ShortcutHelp.Row> helpRows() {
        return table.stream().map(s -> new ShortcutHelp.Row(s.keys(), s.description())).toList();
    }
}
