package dev.handscope.engine.landmarks;

/**
 * The square crop a rotated rectangle defines on an image of {@code imageWidth x imageHeight}
 * pixels: the rectangle grown to a square of its longer side (in pixels, so the aspect is kept),
 * rotated with it, sampled to {@code size x size}. Maps crop pixels to image pixels (for warping)
 * and crop-space model outputs back to image-normalised coordinates.
 *
 * <p>Coordinates are continuous: pixel i covers [i, i + 1). OpenCV samples at pixel centres, hence
 * the half-pixel shifts in {@link #cropToImageAffine()}.
 */
public final class CropGeometry {
    private final double centerX;
    private final double centerY;
    private final double side;
    private final double cos;
    private final double sin;
    private final int size;
    private final int imageWidth;
    private final int imageHeight;
    private final double rotation;

    public CropGeometry(RotatedRect rect, int imageWidth, int imageHeight, int size) {
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.size = size;
        this.centerX = rect.centerX() * imageWidth;
        this.centerY = rect.centerY() * imageHeight;
        this.side = Math.max(rect.width() * imageWidth, rect.height() * imageHeight);
        this.rotation = rect.rotation();
        this.cos = Math.cos(rect.rotation());
        this.sin = Math.sin(rect.rotation());
    }

    /** Side of the square crop in image pixels. */
    public double side() {
        return side;
    }

    /**
     * The 2x3 affine matrix (row-major) taking a crop pixel index (u, v) to the image position
     * OpenCV samples for it: use with warpAffine and WARP_INVERSE_MAP.
     */
    public double[] cropToImageAffine() {
        double k = side / size;
        double d = 0.5 * k - side / 2; // offset of crop pixel 0's centre from the square's centre
        return new double[] {
            cos * k, -sin * k, centerX - 0.5 + cos * d - sin * d,
            sin * k, cos * k, centerY - 0.5 + sin * d + cos * d,
        };
    }

    /**
     * Maps landmarks from crop pixels (x, y, z per landmark, as the model outputs them) to the
     * image: x, y normalised to the image, z scaled like x and divided by {@code zScale}
     * (MediaPipe's normalize_z).
     */
    public void cropToImage(float[] crop, float[] image, double zScale) {
        for (int i = 0; i + 2 < crop.length; i += 3) {
            double a = (crop[i] / size - 0.5) * side;
            double b = (crop[i + 1] / size - 0.5) * side;
            image[i] = (float) ((centerX + cos * a - sin * b) / imageWidth);
            image[i + 1] = (float) ((centerY + sin * a + cos * b) / imageHeight);
            image[i + 2] = (float) (crop[i + 2] / size / zScale * side / imageWidth);
        }
    }

    /** Turns hand-centred world landmarks (metres) by the crop's rotation, so they follow the image. */
    public void rotateWorld(float[] world, float[] out) {
        for (int i = 0; i + 2 < world.length; i += 3) {
            double x = world[i];
            double y = world[i + 1];
            out[i] = (float) (cos * x - sin * y);
            out[i + 1] = (float) (sin * x + cos * y);
            out[i + 2] = world[i + 2];
        }
    }

    /** The square rectangle actually cropped, normalised to the image. */
    public RotatedRect squareRect() {
        return new RotatedRect(centerX / imageWidth, centerY / imageHeight, side / imageWidth, side / imageHeight,
                rotation);
    }
}
