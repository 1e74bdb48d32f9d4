package dev.handscope.app.ui.actions;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;

/** What each {@link WindowAction} runs in one window: bound once, run from keys, buttons and menus alike. */
public final class ActionMap {
    private final Map<WindowAction, Runnable> bound = new EnumMap<>(WindowAction.class);

    /** Makes {@code action} run {@code what}; each action is bound once. */
    public ActionMap bind(WindowAction action, Runnable what) {
        if (bound.putIfAbsent(action, what) != null) {
            throw new IllegalArgumentException(action + " is bound twice");
        }
        return this;
    }

    /** Makes {@code action} turn {@code property} on or off. */
    public ActionMap toggle(WindowAction action, BooleanProperty property) {
        return bind(action, () -> property.set(!property.get()));
    }

    /** Runs {@code action}. */
    public void run(WindowAction action) {
        Runnable what = bound.get(action);
        if (what == null) {
            throw new IllegalStateException(action + " is not bound to anything");
        }
        what.run();
    }

    /** Whether {@code action} has been bound. */
    public boolean isBound(WindowAction action) {
        return bound.containsKey(action);
    }
}
