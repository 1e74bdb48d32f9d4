package dev.handscope.engine.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Packed RGB to opaque BGRA, the byte order JavaFX images keep (premultiplied alpha: 255 changes nothing). */
public final class RgbToBgra {
    /** Writes a whole pixel at once: B, G, R, A in memory is 0xAARRGGBB as a little-endian int. */
    private static final VarHandle PIXEL = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private RgbToBgra() {
    }

    /** Converts the first {@code pixels} pixels of {@code rgb} into {@code bgra}. */
    public static void convert(byte[] rgb, byte[] bgra, int pixels) {
        if (bgra.length < pixels * 4 || rgb.length < pixels * 3) {
            throw new IllegalArgumentException("buffers too small for " + pixels + " pixels");
        }
        for (int i = 0, s = 0; i < pixels; i++, s += 3) {
            int pixel = 0xff000000 | (rgb[s] & 0xff) << 16 | (rgb[s + 1] & 0xff) << 8 | rgb[s + 2] & 0xff;
            PIXEL.set(bgra, i << 2, pixel);
        }
    }
}
