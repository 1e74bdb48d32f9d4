package dev.handscope.render;

import java.util.Objects;

/** HandScope's dark theme: styles render's views (HUD, status bar, notices, 3D view) and the window around them. */
public final class HandScopeStyle {
    private static final String SHEET = "handscope.css";

    private HandScopeStyle() {
    }

    /** The stylesheet's URL, for {@code Scene.getStylesheets()}. */
    public static String stylesheet() {
        return Objects.requireNonNull(HandScopeStyle.class.getResource(SHEET), SHEET + " missing").toExternalForm();
    }
}
