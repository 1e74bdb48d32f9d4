package dev.handscope.render.video;

import dev.handscope.engine.capture.Frame;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * The live video with a transparent overlay canvas above it. Frames are copied into one reused
 * {@link WritableImage} (a new one only when the frame size changes). The overlay covers the whole
 * view; draw on it through {@link #transform()} so drawings follow the video's fit and mirror.
 */
public final class VideoView extends Region {
    private static final PixelFormat<java.nio.ByteBuffer> RGB = PixelFormat.getByteRgbInstance();

    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final BooleanProperty mirrored = new SimpleBooleanProperty(this, "mirrored", false);
    private WritableImage image;

    public VideoView() {
        getStyleClass().add("video-view");
        imageView.setSmooth(true);
        imageView.setPreserveRatio(false);
        overlay.setMouseTransparent(true);
        getChildren().addAll(imageView, overlay);
        mirrored.addListener((obs, was, now) -> requestLayout());
        setMinSize(160, 90);
    }

    /** Shows a frame; call on the FX thread. The frame is only read, never kept. */
    public void present(Frame frame) {
        present(frame.rgb(), frame.width(), frame.height());
    }

    /** Shows packed RGB pixels (e.g. a remembered frame); call on the FX thread. */
    public void present(byte[] rgb, int width, int height) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
            imageView.setImage(image);
            requestLayout();
        }
        image.getPixelWriter().setPixels(0, 0, width, height, RGB, rgb, 0, width * 3);
    }

    /** Removes the picture (e.g. when a new source opens). */
    public void clear() {
        image = null;
        imageView.setImage(null);
        overlay.getGraphicsContext2D().clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    }

    public boolean hasImage() {
        return image != null;
    }

    public WritableImage image() {
        return image;
    }

    public Canvas overlay() {
        return overlay;
    }

    /** Mirrors the display only; the frames and everything computed from them stay unmirrored. */
    public BooleanProperty mirroredProperty() {
        return mirrored;
    }

    /** The current image placement, or null while no frame has been shown. */
    public DisplayTransform transform() {
        if (image == null) {
            return null;
        }
        return new DisplayTransform(getWidth(), getHeight(), (int) image.getWidth(), (int) image.getHeight(),
                mirrored.get());
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        overlay.setWidth(width);
        overlay.setHeight(height);
        DisplayTransform placement = transform();
        if (placement == null) {
            return;
        }
        imageView.setFitWidth(placement.shownWidth());
        imageView.setFitHeight(placement.shownHeight());
        imageView.relocate(placement.offsetX(), placement.offsetY());
        imageView.setScaleX(placement.mirrored() ? -1 : 1);
    }

    @Override
    protected double computePrefWidth(double height) {
        return image == null ? 640 : image.getWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return image == null ? 360 : image.getHeight();
    }
}
