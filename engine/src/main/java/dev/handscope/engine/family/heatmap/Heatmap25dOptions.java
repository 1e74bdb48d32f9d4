package dev.handscope.engine.family.heatmap;

import java.util.Objects;

/**
 * A 2.5D top-down model: volumetric heatmaps [1, h, w, d, K]. Cell (x, y, z) stands for input position
 * (x s, y s) and depth zmin + z (zmax - zmin) / d metres relative to the wrist (the same cell rule on every
 * axis).
 *
 * @param topDown             crop, input and keypoint mapping
 * @param output              the volume output's name in the signature
 * @param depthMin            zmin, metres relative to the wrist
 * @param depthMax            zmax
 * @param fovDegrees          the camera's horizontal field of view, to lift x, y to metres
 * @param referenceBoneLength wrist (0) to middle knuckle (9) in metres ({@link #DEFAULT_BONE})
 */
public record Heatmap25dOptions(TopDownOptions topDown, String output, double depthMin, double depthMax,
                                double fovDegrees, double referenceBoneLength) {
    public static final double DEFAULT_BONE = 0.09;

    public Heatmap25dOptions {
        Objects.requireNonNull(topDown, "topDown");
        Objects.requireNonNull(output, "output");
        if (!(depthMax > depthMin) || !Double.isFinite(depthMin) || !Double.isFinite(depthMax)) {
            throw new IllegalArgumentException("depth range must be [zmin, zmax] with zmin < zmax, got ["
                    + depthMin + ", " + depthMax + "]");
        }
        if (!(fovDegrees > 0 && fovDegrees < 180)) {
            throw new IllegalArgumentException("field of view is between 0 and 180 degrees, got " + fovDegrees);
        }
        if (!(referenceBoneLength > 0) || !Double.isFinite(referenceBoneLength)) {
            throw new IllegalArgumentException("reference bone length must be positive metres, got "
                    + referenceBoneLength);
        }
    }
}
