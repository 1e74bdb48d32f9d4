package dev.handscope.engine.eval;

import java.util.Locale;

/** Where the model is told to look, so detection and landmark quality can be told apart. */
public enum BoxProtocol {
    /** The model finds the hands itself; a missed hand scores 0 for all its joints (HandOS's rule). */
    DETECTOR,
    /** Top-down, as mmpose evaluates: the landmark model runs on a crop made from each labelled box. */
    GT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the --boxes option's word. */
    public static BoxProtocol parse(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "detector" -> DETECTOR;
            case "gt" -> GT;
            default -> throw new IllegalArgumentException("boxes '" + word + "' is not one of detector, gt");
        };
    }
}
