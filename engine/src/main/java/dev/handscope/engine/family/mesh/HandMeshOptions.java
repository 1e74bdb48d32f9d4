package dev.handscope.engine.family.mesh;

import dev.handscope.engine.family.KeypointMap;
import dev.handscope.engine.imaging.InputSpec;

/**
 * A one-stage hand-mesh model (HandOS-style, full image, letterboxed like YOLO): per candidate a
 * box, a score, 21 2D joints, the 778 MANO-order vertices (metres, hand-centred) and a camera
 * translation, optionally the probability of a right hand.
 *
 * @param input      input size and normalisation; letterbox padding as the pad value says
 * @param boxes      output [1, N, 4]: x1, y1, x2, y2
 * @param scores     output [1, N]
 * @param joints2d   output [1, N, 21, 2]
 * @param vertices   output [1, N, 778, 3], metres, MANO vertex order
 * @param camera     output [1, N, 3]: the translation (metres) that puts the vertices in camera space
 * @param handedness output [1, N], probability of a right hand; used when the model has it, else
 *                   handedness comes from the mesh's normals ({@code MeshHandedness})
 * @param normalized whether box and joint coordinates are in [0, 1] of the input rather than input pixels
 * @param confidence score below which candidates are dropped (HandOS: 0.1)
 * @param iou        suppression overlap (HandOS: 0.9)
 * @param fovDegrees the camera's horizontal field of view across the model input's width, for
 *                   which the camera translation is predicted
 * @param map        which of the 21 joints2d is each hand landmark
 */
public record HandMeshOptions(InputSpec input, String boxes, String scores, String joints2d, String vertices,
                              String camera, String handedness, boolean normalized, float confidence, float iou,
                              double fovDegrees, KeypointMap map) {
    /** Joints per candidate in {@code joints2d}. */
    public static final int JOINTS = 21;
    public static final float DEFAULT_CONFIDENCE = 0.1f;
    public static final float DEFAULT_IOU = 0.9f;

    public HandMeshOptions {
        if (map.requiredPoints() > JOINTS) {
            throw new IllegalArgumentException("the keypoint mapping uses index " + (map.requiredPoints() - 1)
                    + " but joints2d has " + JOINTS + " joints");
        }
        if (!(fovDegrees > 0 && fovDegrees < 180)) {
            throw new IllegalArgumentException("fovDegrees must be in (0, 180), got " + fovDegrees);
        }
        if (!(confidence >= 0 && confidence <= 1) || !(iou >= 0 && iou <= 1)) {
            throw new IllegalArgumentException("confidence and iou are in [0, 1], got " + confidence + " and " + iou);
        }
    }

    /** The usual output names (boxes, scores, joints2d, vertices, camera, handedness), HandOS's thresholds. */
    public static HandMeshOptions defaults(InputSpec input, boolean normalized, double fovDegrees) {
        return new HandMeshOptions(input, "boxes", "scores", "joints2d", "vertices", "camera", "handedness",
                normalized, DEFAULT_CONFIDENCE, DEFAULT_IOU, fovDegrees, KeypointMap.identity());
    }
}
