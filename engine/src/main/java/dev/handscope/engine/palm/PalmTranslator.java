package dev.handscope.engine.palm;

import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.model.ModelRuntime;
import dev.handscope.engine.model.Translator;
import java.util.ArrayList;
import java.util.List;

/**
 * The palm detector's pre- and post-processing: letterbox the (turned) image to 192x192; decode
 * the 2016 anchors, suppress overlaps, map the palms back to the image and place each hand's crop.
 */
final class PalmTranslator implements Translator<PalmTranslator.Request, PalmTranslator.Request, List<HandRegion>>,
        AutoCloseable {
    private static final List<SsdAnchors.Anchor> ANCHORS = SsdAnchors.generate(SsdAnchors.PALM_192);

    /** One image to search, and the letterbox that maps it to the model. */
    record Request(RgbImage image, double rotation, float minScore, LetterboxGeometry geometry) {
        Request(RgbImage image, double rotation, float minScore) {
            this(image, rotation, minScore, new LetterboxGeometry(image.width(), image.height(), rotation,
                    PalmDetectorModel.INPUT_SIZE));
        }
    }

    private final ModelInputWarp letterbox = new ModelInputWarp(PalmDetectorModel.INPUT_SIZE);
    private long nonFinite;

    /** Anchors dropped since loading for NaN or infinity in their score or box. */
    long nonFinite() {
        return nonFinite;
    }

    @Override
    public Request processInput(Request request, float[] modelInput) {
        letterbox.warp(request.image(), request.geometry().modelToImageAffine(), modelInput);
        return request;
    }

    @Override
    public List<HandRegion> processOutput(Request request, ModelRuntime outputs) {
        PalmDecoder decoder = new PalmDecoder(ANCHORS, PalmDetectorModel.INPUT_SIZE, request.minScore(),
                PalmDetectorModel.IOU_THRESHOLD);
        int width = request.image().width();
        int height = request.image().height();
        List<HandRegion> regions = new ArrayList<>();
        List<PalmDetection> palms = decoder.decode(outputs.output(0), outputs.output(1));
        nonFinite += decoder.nonFinite();
        for (PalmDetection found : palms) {
            PalmDetection palm = request.geometry().toImage(found);
            regions.add(new HandRegion(palm.xmin(), palm.ymin(), palm.width(), palm.height(), palm.score(),
                    palm.keypoints(), null, PalmCrop.of(palm, width, height), null));
        }
        return regions;
    }

    @Override
    public void close() {
        letterbox.close();
    }
}
