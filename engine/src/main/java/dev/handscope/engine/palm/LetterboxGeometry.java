package dev.handscope.engine.palm;

/**
 * The whole image, turned by {@code rotation} (radians, clockwise on screen; 0 for an upright
 * image) and letterboxed into a square model input: scaled to fit with its aspect kept, centred,
 * zero padding around. Maps model pixels to image pixels (for warping) and model-normalised
 * detections back to image-normalised ones, which also undoes the letterbox.
 */
public final class LetterboxGeometry {
    private final int imageWidth;
    private final int imageHeight;
    private final int size;
    private final double cos;
    private final double sin;
    private final double scale;

    public LetterboxGeometry(int imageWidth, int imageHeight, double rotation, int size) {
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.size = size;
        this.cos = Math.cos(rotation);
        this.sin = Math.sin(rotation);
        // The turned image's bounding size; for quarter turns, width and height swap.
        double contentWidth = Math.abs(imageWidth * cos) + Math.abs(imageHeight * sin);
        double contentHeight = Math.abs(imageWidth * sin) + Math.abs(imageHeight * cos);
        this.scale = Math.min(size / contentWidth, size / contentHeight);
    }

    /** Model pixels per image pixel. */
    public double scale() {
        return scale;
    }

    /** Image position (continuous pixels) of a model-input position (continuous pixels). */
    private double imageX(double u, double v) {
        double a = (u - size / 2.0) / scale;
        double b = (v - size / 2.0) / scale;
        return imageWidth / 2.0 + cos * a - sin * b;
    }

    private double imageY(double u, double v) {
        double a = (u - size / 2.0) / scale;
        double b = (v - size / 2.0) / scale;
        return imageHeight / 2.0 + sin * a + cos * b;
    }

    /** 2x3 affine (row-major) from a model pixel index to the image position OpenCV samples (WARP_INVERSE_MAP). */
    public double[] modelToImageAffine() {
        double k = 1 / scale;
        // Pixel index u has its centre at u + 0.5; OpenCV samples image pixel centres at integers.
        double tx = imageX(0.5, 0.5) - 0.5;
        double ty = imageY(0.5, 0.5) - 0.5;
        return new double[] {cos * k, -sin * k, tx, sin * k, cos * k, ty};
    }

    /** A detection in model-normalised coordinates mapped to the image (box: bounds of its turned corners). */
    public PalmDetection toImage(PalmDetection d) {
        double[] xs = new double[4];
        double[] ys = new double[4];
        double[][] corners = {{d.xmin(), d.ymin()}, {d.xmin() + d.width(), d.ymin()},
            {d.xmin(), d.ymin() + d.height()}, {d.xmin() + d.width(), d.ymin() + d.height()}};
        for (int i = 0; i < 4; i++) {
            xs[i] = imageX(corners[i][0] * size, corners[i][1] * size) / imageWidth;
            ys[i] = imageY(corners[i][0] * size, corners[i][1] * size) / imageHeight;
        }
        double left = Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3]));
        double right = Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3]));
        double top = Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3]));
        double bottom = Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3]));
        float[] keypoints = new float[d.keypoints().length];
        for (int k = 0; k < keypoints.length; k += 2) {
            double u = d.keypoints()[k] * size;
            double v = d.keypoints()[k + 1] * size;
            keypoints[k] = (float) (imageX(u, v) / imageWidth);
            keypoints[k + 1] = (float) (imageY(u, v) / imageHeight);
        }
        return new PalmDetection((float) left, (float) top, (float) (right - left), (float) (bottom - top), d.score(),
                keypoints);
    }
}
