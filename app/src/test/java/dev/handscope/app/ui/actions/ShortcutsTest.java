package dev.handscope.app.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.ui.actions.Shortcuts.Shortcut;
import dev.handscope.render.hud.ShortcutHelp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** One table gives both what a key does and the help's lines; the actions say what that is. */
class ShortcutsTest {

    @Test
    void eachKeyRunsItsActionAndTheHelpListsTheTableInOrder() {
        AtomicInteger opened = new AtomicInteger();
        SimpleBooleanProperty mirrored = new SimpleBooleanProperty(false);
        ActionMap actions = new ActionMap().bind(WindowAction.OPEN_FILE, opened::incrementAndGet)
                .toggle(WindowAction.MIRROR, mirrored);
        Shortcuts shortcuts = new Shortcuts(List.of(
                new Shortcut("O", "open", Map.of(KeyCode.O, WindowAction.OPEN_FILE)),
                new Shortcut("M", "mirror", Map.of(KeyCode.M, WindowAction.MIRROR)),
                new Shortcut("?", "this help", Map.of())));

        actions.run(shortcuts.actionFor(KeyCode.O));
        actions.run(shortcuts.actionFor(KeyCode.M));
        assertEquals(1, opened.get());
        assertTrue(mirrored.get());
        actions.run(shortcuts.actionFor(KeyCode.M));
        assertTrue(!mirrored.get(), "a second press turns it back");
        assertNull(shortcuts.actionFor(KeyCode.Q), "not a shortcut");
        assertEquals(List.of(new ShortcutHelp.Row("O", "open"), new ShortcutHelp.Row("M", "mirror"),
                new ShortcutHelp.Row("?", "this help")), shortcuts.helpRows());
    }

    @Test
    void aKeyBoundTwiceIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> new Shortcuts(List.of(
                new Shortcut("S", "save", Map.of(KeyCode.S, WindowAction.SAVE_MESHES)),
                new Shortcut("S / T", "something else",
                        Map.of(KeyCode.T, WindowAction.THUMBNAILS, KeyCode.S, WindowAction.SAVE_MESHES)))));
        assertEquals("S is bound twice", error.getMessage());
    }

    @Test
    void anActionIsBoundOnceAndAnUnboundOneSaysSo() {
        ActionMap actions = new ActionMap().bind(WindowAction.SAVE_MESHES, () -> { });
        var twice = assertThrows(IllegalArgumentException.class, () -> actions.bind(WindowAction.SAVE_MESHES, () -> { }));
        assertEquals("SAVE_MESHES is bound twice", twice.getMessage());
        var unbound = assertThrows(IllegalStateException.class, () -> actions.run(WindowAction.RECORD));
        assertEquals("RECORD is not bound to anything", unbound.getMessage());
    }

    @Test
    void theWindowsTableGivesEveryKeyItsOwnActionAndHelpLine() {
        Shortcuts standard = Shortcuts.standard();
        assertEquals(WindowAction.TOGGLE_PAUSE, standard.actionFor(KeyCode.SPACE));
        assertEquals(WindowAction.STEP_BACK, standard.actionFor(KeyCode.LEFT));
        assertEquals(WindowAction.TEACH_GESTURE, standard.actionFor(KeyCode.G));
        assertEquals(WindowAction.HEAD_POSE, standard.actionFor(KeyCode.P));
        assertEquals(WindowAction.MINE_FAILURES, standard.actionFor(KeyCode.E));
        assertEquals(WindowAction.NEXT_IMAGE, standard.actionFor(KeyCode.DOWN));
        assertEquals(WindowAction.PREVIOUS_IMAGE, standard.actionFor(KeyCode.UP));
        assertEquals(22, standard.actions().size(), standard.actions().toString());
        assertEquals(19, standard.helpRows().size());
        assertEquals(new ShortcutHelp.Row("?", "this help (any key closes it)"), standard.helpRows().get(17));
    }
}
