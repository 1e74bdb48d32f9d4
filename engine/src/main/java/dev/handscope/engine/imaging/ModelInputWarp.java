package dev.handscope.engine.imaging;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Samples a square model input from an image through an affine map (bilinear, black outside the
 * image) and writes it as RGB floats in [0, 1]. All buffers are reused from call to call.
 */
public final class ModelInputWarp implements AutoCloseable {
    private static final float INV_255 = 1f / 255f;

    private final Mat affine = new Mat(2, 3, CV_64F);
    private final DoubleIndexer affineValues = affine.createIndexer();
    private final Mat sampled = new Mat();
    private final Size size;
    private final Scalar black = new Scalar(0.0);
    private final byte[] bytes;

    public ModelInputWarp(int side) {
        this.size = new Size(side, side);
        this.bytes = new byte[side * side * 3];
    }

    /**
     * @param modelToImage 2x3 row-major affine from a model pixel index to the image position to sample
     * @param input        receives side x side x 3 floats
     */
    public void warp(RgbImage image, double[] modelToImage, float[] input) {
        for (int i = 0; i < 6; i++) {
            affineValues.put(i / 3, i % 3, modelToImage[i]);
        }
        warpAffine(image.mat(), sampled, affine, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, black);
        sampled.data().get(bytes);
        for (int i = 0; i < bytes.length; i++) {
            input[i] = (bytes[i] & 0xff) * INV_255;
        }
    }

    /** The RGB bytes of the last warp (what the model saw). */
    public byte[] lastBytes() {
        return bytes;
    }

    @Override
    public void close() {
        affineValues.close();
        affine.close();
        sampled.close();
        size.close();
        black.close();
    }
}
