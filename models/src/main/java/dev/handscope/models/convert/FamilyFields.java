package dev.handscope.models.convert;

import java.util.List;

/**
 * The fields of a handscope-model/2 manifest that belong to one model family; null where the
 * manifest leaves them out (the family's default applies). Names as in the manifest.
 *
 * @param coordinates         yolo-pose, hand-mesh: "pixels" (of the letterboxed input) or "normalized"
 * @param classes             yolo-pose: class names, e.g. ["hand"] or ["left", "right"]
 * @param confidence          yolo-pose, hand-mesh: score below which candidates are dropped
 * @param iou                 yolo-pose, hand-mesh: suppression overlap
 * @param cropScale           top-down families: crop side as a multiple of the region
 * @param rotate              top-down families: whether the crop turns with the hand
 * @param layout              heatmap families: "NHWC" or "NCHW"
 * @param decode              heatmap: "argmax+quarter", "dark" or "soft-argmax"
 * @param splitRatio          simcc: bins per input pixel
 * @param depthRange          heatmap-2.5d: [zmin, zmax] in metres relative to the wrist
 * @param referenceBoneLength heatmap-2.5d: wrist to middle knuckle, metres
 * @param fovDegrees          heatmap-2.5d, hand-mesh: the camera's horizontal field of view
 */
public record FamilyFields(String coordinates, List<String> classes, Double confidence, Double iou, Double cropScale,
                           Boolean rotate, String layout, String decode, Double splitRatio, List<Double> depthRange,
                           Double referenceBoneLength, Double fovDegrees) {
}
