package dev.handscope.app.eval;

import dev.handscope.engine.eval.HandSide;
import dev.handscope.engine.eval.KeypointOrder;
import dev.handscope.engine.eval.LabelledHand;
import dev.handscope.engine.hand.HandTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hands of one COCO-keypoint annotation, in MediaPipe's joint order. Two layouts:
 * <ul>
 *   <li>a hand annotation (mmpose's hand datasets such as RHD): {@code bbox}, {@code keypoints}
 *       21 x (x, y, v), optional {@code joint_cam} 21 x (x, y, z) mm and {@code hand_type};</li>
 *   <li>a COCO-WholeBody person, recognised by {@code lefthand_kpts} or {@code righthand_kpts}: up to
 *       two hands from {@code lefthand_*} / {@code righthand_*}; its {@code keypoints} are the body's 17
 *       and are not read. A hand whose {@code *_valid} is false (or whose {@code *_kpts} is absent) is
 *       no hand. COCO-WholeBody's "left" is the person's physical left hand. A hand's id is the
 *       annotation's id times 2, plus 1 for the right hand, so both hands of a person have distinct
 *       ids that lead back to the annotation.</li>
 * </ul>
 * Hands are returned whether or not any joint is labelled; the reader skips and counts the empty ones.
 */
final class HandAnnotations {
    private static final int NUMBERS = HandTopology.LANDMARKS * 3;
    private static final String KEYPOINTS = "a hand needs 63 (21 x, y, v)";
    private static final String JOINT_CAM = "a hand needs 63 (21 x, y, z)";

    private HandAnnotations() {
    }

    private static boolean isWholeBody(JsonFields annotation) {
        return annotation.has("lefthand_kpts") || annotation.has("righthand_kpts");
    }

    static List<LabelledHand> hands(JsonFields annotation, long id, KeypointOrder order) throws DatasetException {
        if (!isWholeBody(annotation)) {
            float[] jointCam = annotation.has("joint_cam")
                    ? order.toMediaPipe(floats(annotation.numbers("joint_cam", NUMBERS, JOINT_CAM)), 3)
                    : null;
            HandSide side = annotation.has("hand_type") ? side(annotation) : null;
            return List.of(hand(annotation, id, "bbox", "keypoints", order, jointCam, side));
        }
        List<LabelledHand> hands = new ArrayList<>(2);
        for (HandSide side : HandSide.values()) {
            String prefix = side == HandSide.LEFT ? "lefthand" : "righthand";
            boolean valid = annotation.has(prefix + "_kpts")
                    && (!annotation.has(prefix + "_valid") || annotation.flag(prefix + "_valid"));
            if (valid) {
                long handId = id * 2 + (side == HandSide.RIGHT ? 1 : 0);
                hands.add(hand(annotation, handId, prefix + "_box", prefix + "_kpts", order, null, side));
            }
        }
        return hands;
    }

    private static LabelledHand hand(JsonFields annotation, long id, String boxField, String keypointField,
                                     KeypointOrder order, float[] jointCam, HandSide side) throws DatasetException {
        double[] box = annotation.numbers(boxField, 4, "a box needs 4 (x, y, width, height)");
        float[] xyv = order.toMediaPipe(floats(annotation.numbers(keypointField, NUMBERS, KEYPOINTS)), 3);
        float[] keypoints = new float[HandTopology.LANDMARKS * 2];
        boolean[] labelled = new boolean[HandTopology.LANDMARKS];
        for (int joint = 0; joint < HandTopology.LANDMARKS; joint++) {
            keypoints[2 * joint] = xyv[3 * joint];
            keypoints[2 * joint + 1] = xyv[3 * joint + 1];
            labelled[joint] = xyv[3 * joint + 2] > 0;
        }
        return new LabelledHand(id, box, keypoints, labelled, jointCam, side);
    }

    private static HandSide side(JsonFields annotation) throws DatasetException {
        String type = annotation.text("hand_type");
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "left" -> HandSide.LEFT;
            case "right" -> HandSide.RIGHT;
            default -> throw annotation.fail("hand_type is '" + type + "', it should be left or right");
        };
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
