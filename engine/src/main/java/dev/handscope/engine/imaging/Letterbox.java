package dev.handscope.engine.imaging;

/**
 * The whole image, turned by {@code rotation} (radians, clockwise on screen; 0 for an upright
 * image) and letterboxed into a {@code width x height} model input: scaled to fit with its aspect
 * kept, centred, padded around (Ultralytics' {@code LetterBox} with {@code auto=False}). Maps model
 * pixels to image pixels (for warping) and model-pixel positions back to image-normalised ones.
 * <p>
 * The placement is continuous: Ultralytics rounds the resized size and the padding to whole
 * pixels, which moves its content by under one input pixel against this. The palm detector and
 * YOLO-pose both see the image through it.
 */
public final class Letterbox {
    private final int imageWidth;
    private final int imageHeight;
    private final int width;
    private final int height;
    private final double cos;
    private final double sin;
    private final double scale;

    /**
     * @param width  model input width
     * @param height model input height
     */
    public Letterbox(int imageWidth, int imageHeight, double rotation, int width, int height) {
        if (imageWidth < 1 || imageHeight < 1 || width < 1 || height < 1) {
            throw new IllegalArgumentException("sizes must be positive: image " + imageWidth + "x" + imageHeight
                    + ", input " + width + "x" + height);
        }
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.width = width;
        this.height = height;
        this.cos = Math.cos(rotation);
        this.sin = Math.sin(rotation);
        // The turned image's bounding size; for quarter turns, width and height swap.
        double contentWidth = Math.abs(imageWidth * cos) + Math.abs(imageHeight * sin);
        double contentHeight = Math.abs(imageWidth * sin) + Math.abs(imageHeight * cos);
        this.scale = Math.min(width / contentWidth, height / contentHeight);
    }

    /** Model pixels per image pixel. */
    public double scale() {
        return scale;
    }

    /** Image x (continuous pixels) of a model-input position (continuous pixels). */
    public double imageX(double u, double v) {
        double a = (u - width / 2.0) / scale;
        double b = (v - height / 2.0) / scale;
        return imageWidth / 2.0 + cos * a - sin * b;
    }

    /** Image y (continuous pixels) of a model-input position (continuous pixels). */
    public double imageY(double u, double v) {
        double a = (u - width / 2.0) / scale;
        double b = (v - height / 2.0) / scale;
        return imageHeight / 2.0 + sin * a + cos * b;
    }

    /** Image-normalised x of a model-input position. */
    public double normalizedX(double u, double v) {
        return imageX(u, v) / imageWidth;
    }

    /** Image-normalised y of a model-input position. */
    public double normalizedY(double u, double v) {
        return imageY(u, v) / imageHeight;
    }

    /**
     * The image-normalised bounds of a model-input box (left, top, right, bottom in input pixels),
     * as {left, top, width, height}: the bounds of its turned corners.
     */
    public double[] normalizedBox(double left, double top, double right, double bottom) {
        double[][] corners = {{left, top}, {right, top}, {left, bottom}, {right, bottom}};
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] c : corners) {
            double x = normalizedX(c[0], c[1]);
            double y = normalizedY(c[0], c[1]);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new double[] {minX, minY, maxX - minX, maxY - minY};
    }

    /** 2x3 affine (row-major) from a model pixel index to the image position OpenCV samples (WARP_INVERSE_MAP). */
    public double[] modelToImageAffine() {
        double k = 1 / scale;
        // Pixel index u has its centre at u + 0.5; OpenCV samples image pixel centres at integers.
        double tx = imageX(0.5, 0.5) - 0.5;
        double ty = imageY(0.5, 0.5) - 0.5;
        return new double[] {cos * k, -sin * k, tx, sin * k, cos * k, ty};
    }

    public int imageWidth() {
        return imageWidth;
    }

    public int imageHeight() {
        return imageHeight;
    }
}
