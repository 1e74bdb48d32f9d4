package dev.handscope.render.video;

/**
 * Where the video lands inside its view: the image is scaled to fit (aspect kept), centred, and
 * optionally mirrored for display. Maps image-normalised coordinates (x, y in [0, 1] over the
 * unmirrored frame, as the pipeline reports them) to view pixels and back, so overlays line up
 * with the video at every window size and with the mirror on or off.
 */
public record DisplayTransform(double viewWidth, double viewHeight, int imageWidth, int imageHeight, boolean mirrored) {

    public DisplayTransform {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + imageWidth + "x" + imageHeight);
        }
    }

    /** View pixels per image pixel. */
    public double scale() {
        return Math.max(0, Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
    }

    public double shownWidth() {
        return imageWidth * scale();
    }

    public double shownHeight() {
        return imageHeight * scale();
    }

    /** Left edge of the shown image in the view. */
    public double offsetX() {
        return (viewWidth - shownWidth()) / 2;
    }

    /** Top edge of the shown image in the view. */
    public double offsetY() {
        return (viewHeight - shownHeight()) / 2;
    }

    public double toViewX(double normalizedX) {
        double x = mirrored ? 1 - normalizedX : normalizedX;
        return offsetX() + x * shownWidth();
    }

    public double toViewY(double normalizedY) {
        return offsetY() + normalizedY * shownHeight();
    }

    /** The image-normalised x under a view x (outside [0, 1] when off the image). */
    public double toNormalizedX(double viewX) {
        double x = shownWidth() == 0 ? 0 : (viewX - offsetX()) / shownWidth();
        return mirrored ? 1 - x : x;
    }

    public double toNormalizedY(double viewY) {
        return shownHeight() == 0 ? 0 : (viewY - offsetY()) / shownHeight();
    }
}
