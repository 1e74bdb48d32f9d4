package dev.handscope.app.ui;

import dev.handscope.render.hud.ShortcutHelp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.scene.input.KeyCode;

/** The window's keyboard shortcuts: one table that both the key handler and the "?" help read. */
final class Shortcuts {

    /**
     * One line of the help and the keys it describes.
     *
     * @param keys        the keys as the help writes them
     * @param description what they do
     * @param actions     what each key runs; empty for a line that only explains ("?" is a typed
     *                    character, not a key, and the 3D view is driven by the mouse)
     */
    record Shortcut(String keys, String description, Map<KeyCode, Runnable> actions) {
    }

    private final List<Shortcut> table;
    private final Map<KeyCode, Runnable> byKey = new HashMap<>();

    Shortcuts(List<Shortcut> table) {
        this.table = List.copyOf(table);
        for (Shortcut shortcut : table) {
            shortcut.actions().forEach((key, action) -> {
                if (byKey.putIfAbsent(key, action) != null) {
                    throw new IllegalArgumentException(key + " is bound twice");
                }
            });
        }
    }

    /** An action that turns {@code property} on or off. */
    static Runnable flip(BooleanProperty property) {
        return () -> property.set(!property.get());
    }

    /** What {@code key} runs, or null when it is no shortcut. */
    Runnable actionFor(KeyCode key) {
        return byKey.get(key);
    }

    /** The help's lines, in the table's order. */
    List<ShortcutHelp.Row> helpRows() {
        return table.stream().map(s -> new ShortcutHelp.Row(s.keys(), s.description())).toList();
    }
}
