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
 * Samples a model input from an image through an affine map (bilinear, the spec's pad value outside
 * the image) and writes it as normalised floats in the spec's channel order. All buffers are reused
 * from call to call.
 */
public final class ModelInputWarp implements AutoCloseable {
    private final Mat affine = new Mat(2, 3, CV_64F);
    private final DoubleIndexer affineValues = affine.createIndexer();
    private final Mat sampled = new Mat();
    private final Size size;
    private final Scalar outside;
    private final byte[] bytes;
    /** Per input channel: which RGB byte it reads, its offset and its scale ((value - mean) / std). */
    private final int[] source = new int[3];
    private final float[] offset = new float[3];
    private final float[] scale = new float[3];

    /** A square input of RGB in [0, 1], black outside the image (MediaPipe's models). */
    public ModelInputWarp(int side) {
        this(InputSpec.unitRange(side, side));
    }

    public ModelInputWarp(InputSpec spec) {
        this.size = new Size(spec.width(), spec.height());
        this.bytes = new byte[spec.width() * spec.height() * 3];
        this.outside = new Scalar(spec.padValue(), spec.padValue(), spec.padValue(), 0);
        float[] mean = spec.mean();
        float[] std = spec.std();
        for (int c = 0; c < 3; c++) {
            source[c] = spec.bgr() ? 2 - c : c;
            offset[c] = mean[source[c]];
            scale[c] = 1f / std[source[c]];
        }
    }

    /**
     * @param modelToImage 2x3 row-major affine from a model pixel index to the image position to sample
     * @param input        receives width x height x 3 floats
     */
    public void warp(RgbImage image, double[] modelToImage, float[] input) {
        for (int i = 0; i < 6; i++) {
            affineValues.put(i / 3, i % 3, modelToImage[i]);
        }
        warpAffine(image.mat(), sampled, affine, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, outside);
        sampled.data().get(bytes);
        for (int i = 0; i < bytes.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                input[i + c] = ((bytes[i + source[c]] & 0xff) - offset[c]) * scale[c];
            }
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
        outside.close();
    }
}
