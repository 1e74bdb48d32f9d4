package dev.handscope.engine.landmarks;

/**
 * Which hand: "Left" or "Right" names the physical hand as seen in the unmirrored image, with the
 * model's confidence in that label (0.5 to 1).
 */
public record Handedness(String label, double score) {
    public static final String LEFT = "Left";
    public static final String RIGHT = "Right";

    /** From the landmark model's probability of a right hand. */
    public static Handedness fromRightProbability(double right) {
        return right > 0.5 ? new Handedness(RIGHT, right) : new Handedness(LEFT, 1 - right);
    }

    /** The label a mirrored (selfie) display would show for the same hand. */
    public String mirroredLabel() {
        return RIGHT.equals(label) ? LEFT : RIGHT;
    }
}
