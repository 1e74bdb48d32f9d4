package dev.handscope.engine.landmarks;

import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.model.ModelRuntime;
import dev.handscope.engine.model.Translator;

/**
 * The landmark model's pre- and post-processing: warp a rotated rectangle of the image to 224x224;
 * map the 21 landmarks and the world landmarks back to the image.
 */
final class LandmarkTranslator implements Translator<LandmarkTranslator.Request, CropGeometry, HandLandmarks>,
        AutoCloseable {

    /** One crop to look at. */
    record Request(RgbImage image, RotatedRect rect) {
    }

    private final ModelInputWarp crop = new ModelInputWarp(HandLandmarkModel.INPUT_SIZE);
    private long nonFinite;

    @Override
    public CropGeometry processInput(Request request, float[] modelInput) {
        RgbImage image = request.image();
        CropGeometry geometry = new CropGeometry(request.rect(), image.width(), image.height(),
                HandLandmarkModel.INPUT_SIZE);
        crop.warp(image, geometry.cropToImageAffine(), modelInput);
        return geometry;
    }

    @Override
    public HandLandmarks processOutput(CropGeometry geometry, ModelRuntime outputs) {
        HandLandmarks decoded = LandmarkDecoder.decode(geometry, outputs.output(0), outputs.output(1)[0],
                outputs.output(2)[0], outputs.output(3));
        if (LandmarkDecoder.isFinite(decoded)) {
            return decoded;
        }
        nonFinite++;
        return LandmarkDecoder.absent(geometry); // presence 0: the tracker drops it, nothing garbage is drawn
    }

    /** Calls since loading whose output held NaN or infinity. */
    long nonFinite() {
        return nonFinite;
    }

    /** The RGB crop of the last call. */
    byte[] lastCrop() {
        return crop.lastBytes();
    }

    @Override
    public void close() {
        crop.close();
    }
}
