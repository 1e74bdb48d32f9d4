package dev.handscope.app.ui;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/** A JavaFX image's pixels as packed RGB rows, the layout the exports take. */
final class ImagePixels {
    private ImagePixels() {
    }

    static byte[] rgb(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        byte[] bgra = new byte[width * height * 4];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getByteBgraInstance(), bgra, 0, width * 4);
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0, j = 0; i < bgra.length; i += 4, j += 3) {
            rgb[j] = bgra[i + 2];
            rgb[j + 1] = bgra[i + 1];
            rgb[j + 2] = bgra[i];
        }
        return rgb;
    }
}
