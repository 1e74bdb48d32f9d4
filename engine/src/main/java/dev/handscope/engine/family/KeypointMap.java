package dev.handscope.engine.family;

import dev.handscope.engine.hand.HandTopology;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which of a model's keypoints is each of MediaPipe's 21 hand landmarks, so that models trained on
 * another order (RHD, COCO-WholeBody) read the same everywhere.
 */
public final class KeypointMap {
    private final int[] sources;

    private KeypointMap(int[] sources) {
        this.sources = sources;
    }

    /** The model's keypoints are MediaPipe's 21, in MediaPipe's order. */
    public static KeypointMap identity() {
        int[] same = new int[HandTopology.LANDMARKS];
        Arrays.setAll(same, i -> i);
        return new KeypointMap(same);
    }

    /**
     * @param sources     for each of the 21 landmarks in order, the model's keypoint index
     * @param modelPoints how many keypoints the model has
     * @throws IllegalArgumentException unless there are 21 distinct indices within the model's keypoints
     */
    public static KeypointMap of(int[] sources, int modelPoints) {
        if (sources.length != HandTopology.LANDMARKS) {
            throw new IllegalArgumentException("keypoints must list " + HandTopology.LANDMARKS
                    + " indices (one per hand landmark), got " + sources.length);
        }
        Set<Integer> seen = new HashSet<>();
        for (int index : sources) {
            if (index < 0 || index >= modelPoints) {
                throw new IllegalArgumentException("keypoint index " + index + " is outside the model's "
                        + modelPoints + " keypoints (0.." + (modelPoints - 1) + ")");
            }
            if (!seen.add(index)) {
                throw new IllegalArgumentException("keypoint index " + index + " is listed twice: "
                        + Arrays.toString(sources));
            }
        }
        return new KeypointMap(sources.clone());
    }

    /** The model's keypoint index of hand landmark {@code landmark}. */
    public int source(int landmark) {
        return sources[landmark];
    }

    /** The largest model keypoint index used, plus one: the fewest keypoints a model must have. */
    public int requiredPoints() {
        return Arrays.stream(sources).max().orElse(-1) + 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeypointMap that && Arrays.equals(sources, that.sources);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sources);
    }
}
