package dev.handscope.models.catalogue;

import java.util.Locale;

/** MediaPipe ships each hand model in two sizes: full (more accurate) and lite (faster). */
public enum ModelVariant {
    FULL, LITE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelVariant parse(String text) {
        for (ModelVariant variant : values()) {
            if (variant.id().equalsIgnoreCase(text.trim())) {
                return variant;
            }
        }
        throw new IllegalArgumentException("unknown model variant '" + text + "': use full or lite");
    }
}
