package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;
import java.util.Locale;

/**
 * How a dataset orders a hand's 21 keypoints. Every metric compares joints in MediaPipe's order, so
 * labels are mapped to it when read.
 */
public enum KeypointOrder {
    /** 0 wrist, then thumb, index, middle, ring, pinky, each from its base to its tip (also COCO-WholeBody). */
    MEDIAPIPE,
    /** Rendered Hand Pose: 0 wrist, then each finger from its tip to its base (mmpose's rhd2d). */
    RHD;

    /** The dataset's index of MediaPipe joint {@code joint}. */
    public int sourceIndex(int joint) {
        if (joint < 0 || joint >= HandTopology.LANDMARKS) {
            throw new IllegalArgumentException("a hand has joints 0 to 20, not " + joint);
        }
        if (this == MEDIAPIPE || joint == 0) {
            return joint;
        }
        int finger = (joint - 1) / 4;
        int fromBase = (joint - 1) % 4;
        return 1 + finger * 4 + (3 - fromBase);
    }

    /**
     * Reorders 21 groups of {@code stride} numbers from the dataset's order into MediaPipe's.
     *
     * @throws IllegalArgumentException when {@code values} does not hold 21 groups
     */
    public float[] toMediaPipe(float[] values, int stride) {
        if (values.length != HandTopology.LANDMARKS * stride) {
            throw new IllegalArgumentException("expected " + HandTopology.LANDMARKS * stride + " numbers ("
                    + HandTopology.LANDMARKS + " x " + stride + "), got " + values.length);
        }
        float[] out = new float[values.length];
        for (int joint = 0; joint < HandTopology.LANDMARKS; joint++) {
            System.arraycopy(values, sourceIndex(joint) * stride, out, joint * stride, stride);
        }
        return out;
    }

    /** Parses the --order option's word. */
    public static KeypointOrder parse(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keypoint order '" + word + "' is not one of mediapipe, rhd");
        }
    }
}
