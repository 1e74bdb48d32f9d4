package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;

/**
 * One labelled hand, its joints already in MediaPipe's order.
 *
 * @param id        the annotation's id in the dataset (named in errors and in per_hand.csv)
 * @param box       x, y, width, height in pixels
 * @param keypoints 21 x (x, y) in pixels
 * @param labelled  per joint, whether the label holds it (v > 0); unlabelled joints are not scored
 * @param jointCam  21 x (x, y, z) in millimetres in the camera frame, or null when the dataset has none
 * @param side      the physical hand when the dataset says, else null
 */
public record LabelledHand(long id, double[] box, float[] keypoints, boolean[] labelled, float[] jointCam,
                           HandSide side) {

    public LabelledHand {
        if (box.length != 4) {
            throw new IllegalArgumentException("annotation " + id + ": a box is x, y, w, h, got " + box.length + " numbers");
        }
        if (keypoints.length != HandTopology.LANDMARKS * 2 || labelled.length != HandTopology.LANDMARKS) {
            throw new IllegalArgumentException("annotation " + id + ": expected 21 keypoints");
        }
        if (jointCam != null && jointCam.length != HandTopology.LANDMARKS * 3) {
            throw new IllegalArgumentException("annotation " + id + ": joint_cam needs 21 x 3 numbers");
        }
        box = box.clone();
        keypoints = keypoints.clone();
        labelled = labelled.clone();
        jointCam = jointCam == null ? null : jointCam.clone();
    }

    /** The normalising size of PCK: the longer side of the box. */
    public double size() {
        return Math.max(box[2], box[3]);
    }

    public int labelledCount() {
        int n = 0;
        for (boolean b : labelled) {
            n += b ? 1 : 0;
        }
        return n;
    }

    public float x(int joint) {
        return keypoints[2 * joint];
    }

    public float y(int joint) {
        return keypoints[2 * joint + 1];
    }
}
