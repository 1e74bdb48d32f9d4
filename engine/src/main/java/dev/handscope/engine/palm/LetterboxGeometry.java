package dev.handscope.engine.palm;

import dev.handscope.engine.imaging.Letterbox;

/**
 * The whole image, turned by {@code rotation} (radians, clockwise on screen; 0 for an upright
 * image) and letterboxed into a square model input: scaled to fit with its aspect kept, centred,
 * zero padding around. Maps model pixels to image pixels (for warping) and model-normalised
 * detections back to image-normalised ones, which also undoes the letterbox.
 */
public final class LetterboxGeometry {
    private final Letterbox letterbox;
    private final int size;

    public LetterboxGeometry(int imageWidth, int imageHeight, double rotation, int size) {
        this.letterbox = new Letterbox(imageWidth, imageHeight, rotation, size, size);
        this.size = size;
    }

    /** Model pixels per image pixel. */
    public double scale() {
        return letterbox.scale();
    }

    /** 2x3 affine (row-major) from a model pixel index to the image position OpenCV samples (WARP_INVERSE_MAP). */
    public double[] modelToImageAffine() {
        return letterbox.modelToImageAffine();
    }

    /** A detection in model-normalised coordinates mapped to the image (box: bounds of its turned corners). */
    public PalmDetection toImage(PalmDetection d) {
        double[] box = letterbox.normalizedBox(d.xmin() * size, d.ymin() * size, (d.xmin() + d.width()) * size,
                (d.ymin() + d.height()) * size);
        float[] keypoints = new float[d.keypoints().length];
        for (int k = 0; k < keypoints.length; k += 2) {
            double u = d.keypoints()[k] * size;
            double v = d.keypoints()[k + 1] * size;
            keypoints[k] = (float) letterbox.normalizedX(u, v);
            keypoints[k + 1] = (float) letterbox.normalizedY(u, v);
        }
        return new PalmDetection((float) box[0], (float) box[1], (float) box[2], (float) box[3], d.score(), keypoints);
    }
}
