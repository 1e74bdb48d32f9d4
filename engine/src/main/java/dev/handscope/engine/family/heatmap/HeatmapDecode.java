package dev.handscope.engine.family.heatmap;

/** How a 2D heatmap's peak is found to sub-cell precision. */
public enum HeatmapDecode {
    /** Argmax, then a quarter cell toward the higher neighbour on each axis (the usual top-down rule). */
    ARGMAX_QUARTER("argmax+quarter"),
    /**
     * DARK (Zhang et al. 2020, mmpose's {@code refine_keypoints_dark}): Gaussian-blur the heatmap, take its
     * log and move from the argmax by one Newton (second-order Taylor) step.
     */
    DARK("dark"),
    /** The heatmap's centre of mass, its negative values taken as 0 (integral regression on the heatmap). */
    SOFT_ARGMAX("soft-argmax");

    private final String text;

    HeatmapDecode(String text) {
        this.text = text;
    }

    /** "argmax+quarter", "dark" or "soft-argmax". */
    public static HeatmapDecode parse(String value) {
        for (HeatmapDecode decode : values()) {
            if (decode.text.equalsIgnoreCase(value.trim())) {
                return decode;
            }
        }
        throw new IllegalArgumentException("decode is argmax+quarter, dark or soft-argmax, got '" + value + "'");
    }

    @Override
    public String toString() {
        return text;
    }
}
