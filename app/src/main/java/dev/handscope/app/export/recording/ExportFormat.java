package dev.handscope.app.export.recording;

import java.util.Locale;

/** What {@code handscope export} writes, and the file extension each gets. */
public enum ExportFormat {
    CSV("csv", false), JSONL("jsonl", false), GLTF("glb", true), BVH("bvh", true);

    private final String extension;
    private final boolean needsPoses;

    ExportFormat(String extension, boolean needsPoses) {
        this.extension = extension;
        this.needsPoses = needsPoses;
    }

    public String extension() {
        return extension;
    }

    /** Whether the format carries mesh poses (then the mesh is refitted to every recorded hand). */
    public boolean needsPoses() {
        return needsPoses;
    }

    /** csv, jsonl, gltf (or glb) or bvh, any case. */
    public static ExportFormat parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "csv" -> CSV;
            case "jsonl" -> JSONL;
            case "gltf", "glb" -> GLTF;
            case "bvh" -> BVH;
            default -> throw new IllegalArgumentException("unknown format '" + text + "': csv, jsonl, gltf or bvh");
        };
    }
}
