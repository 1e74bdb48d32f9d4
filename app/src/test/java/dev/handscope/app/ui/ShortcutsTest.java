package dev.handscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.ui.Shortcuts.Shortcut;
import dev.handscope.render.hud.ShortcutHelp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** One table gives both what a key does and the help's lines. */
class ShortcutsTest {

    @Test
    void eachKeyRunsItsActionAndTheHelpListsTheTableInOrder() {
        AtomicInteger opened = new AtomicInteger();
        SimpleBooleanProperty mirrored = new SimpleBooleanProperty(false);
        Shortcuts shortcuts = new Shortcuts(List.of(
                new Shortcut("O", "open", Map.of(KeyCode.O, opened::incrementAndGet)),
                new Shortcut("M", "mirror", Map.of(KeyCode.M, Shortcuts.flip(mirrored))),
                new Shortcut("?", "this help", Map.of())));

        shortcuts.actionFor(KeyCode.O).run();
        shortcuts.actionFor(KeyCode.M).run();
        assertEquals(1, opened.get());
        assertTrue(mirrored.get());
        shortcuts.actionFor(KeyCode.M).run();
        assertTrue(!mirrored.get(), "a second press turns it back");
        assertNull(shortcuts.actionFor(KeyCode.Q), "not a shortcut");
        assertEquals(List.of(new ShortcutHelp.Row("O", "open"), new ShortcutHelp.Row("M", "mirror"),
                new ShortcutHelp.Row("?", "this help")), shortcuts.helpRows());
    }

    @Test
    void aKeyBoundTwiceIsRefused() {
        Runnable nothing = () -> { };
        var error = assertThrows(IllegalArgumentException.class, () -> new Shortcuts(List.of(
                new Shortcut("S", "save", Map.of(KeyCode.S, nothing)),
                new Shortcut("S / T", "something else", Map.of(KeyCode.T, nothing, KeyCode.S, nothing)))));
        assertEquals("S is bound twice", error.getMessage());
    }
}
