package dev.handscope.render.video;

import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.RgbToBgra;
import java.nio.ByteBuffer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * The live video with a transparent overlay canvas above it. Frames are copied into one reused
 * {@link WritableImage} backed by a {@link PixelBuffer} in JavaFX's own BGRA layout (a new one only
 * when the frame size changes), so showing a frame is a plain copy of the BGRA bytes the capture
 * thread prepared. The overlay covers the whole
 * view; draw on it through {@link #transform()} so drawings follow the video's fit and mirror.
 */
public final class VideoView extends Region {
    private static final PixelFormat<ByteBuffer> BGRA = PixelFormat.getByteBgraPreInstance();

    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final BooleanProperty mirrored = new SimpleBooleanProperty(this, "mirrored", false);
    private WritableImage image;
    private PixelBuffer<ByteBuffer> pixels;
    private ByteBuffer buffer;
    /** BGRA for frames that come without it (a remembered RGB frame when stepping back). */
    private byte[] converted = new byte[0];

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
        if (frame.hasBgra()) {
            show(frame.bgra(), frame.width(), frame.height());
        } else {
            present(frame.rgb(), frame.width(), frame.height());
        }
    }

    /** Shows packed RGB pixels (e.g. a remembered frame); call on the FX thread. */
    public void present(byte[] rgb, int width, int height) {
        int count = width * height;
        if (converted.length < count * 4) {
            converted = new byte[count * 4];
        }
        RgbToBgra.convert(rgb, converted, count);
        show(converted, width, height);
    }

    private void show(byte[] bgra, int width, int height) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            buffer = ByteBuffer.allocateDirect(width * height * 4);
            pixels = new PixelBuffer<>(width, height, buffer, BGRA);
            image = new WritableImage(pixels);
            imageView.setImage(image);
            requestLayout();
        }
        pixels.updateBuffer(updated -> {
            buffer.clear();
            buffer.put(bgra, 0, width * height * 4);
            buffer.clear();
            return null; // all of it
        });
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
