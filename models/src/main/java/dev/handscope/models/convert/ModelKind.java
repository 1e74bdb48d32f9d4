package dev.handscope.models.convert;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a converted model does, which fixes the names and meanings of its inputs and outputs. */
public enum ModelKind {
    PALM_DETECTOR("palm-detector"),
    HAND_LANDMARKS("hand-landmarks"),
    /** MediaPipe's BlazeFace short-range face detector: 896 anchors, box and 6 face keypoints each. */
    FACE_DETECTOR("face-detector"),
    /** MediaPipe's face mesh landmark model: 468 landmarks and a face presence score from one crop. */
    FACE_LANDMARKS("face-landmarks"),
    /** One stage, full image: boxes, class scores and keypoints per candidate (Ultralytics' layout). */
    YOLO_POSE("yolo-pose"),
    /** Top-down on a crop: one heatmap per keypoint. */
    HEATMAP("heatmap"),
    /** Top-down on a crop: RTMPose's per-axis classification vectors. */
    SIMCC("simcc"),
    /** Top-down on a crop: volumetric heatmaps, x, y and depth per keypoint. */
    HEATMAP_25D("heatmap-2.5d"),
    /** One stage, full image: boxes, 2D joints, 778 mesh vertices and a camera translation (HandOS-style). */
    HAND_MESH("hand-mesh"),
    /** A model of unknown purpose: outputs keep (sanitised) TFLite tensor names. */
    GENERIC("generic");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The kind named {@code text} in a manifest, or null when there is none of that name. */
    public static ModelKind byId(String text) {
        for (ModelKind kind : values()) {
            if (kind.id.equals(text)) {
                return kind;
            }
        }
        return null;
    }
}
