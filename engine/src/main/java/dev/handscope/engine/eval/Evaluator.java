package dev.handscope.engine.eval;

import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Runs one model (any family, through its {@link HandPipeline}) over labelled images and scores
 * each labelled hand. Each image is a still: tracking starts afresh for it.
 */
public final class Evaluator {
    /**
     * How much larger than the labelled box the top-down crop is. MediaPipe's landmark model sees
     * crops twice the hand's extent (its ROI from landmarks scales by 2); mmpose's hand boxes are
     * about 1.2 times the keypoints' extent already, so 1.5 of the box is about 1.8 of the extent
     * (a little less than 2, as an axis-aligned box is wider than the hand-aligned one).
     */
    public static final double DEFAULT_BOX_SCALE = 1.5;

    private final HandPipeline pipeline;
    private final BoxProtocol protocol;
    private final double boxScale;

    public Evaluator(HandPipeline pipeline, BoxProtocol protocol, double boxScale) {
        if (!(boxScale > 0)) {
            throw new IllegalArgumentException("box scale must be positive, got " + boxScale);
        }
        this.pipeline = pipeline;
        this.protocol = protocol;
        this.boxScale = boxScale;
    }

    public BoxProtocol protocol() {
        return protocol;
    }

    /** Scores the labelled hands of {@code image}, whose pixels are {@code picture}. */
    public ImageResult evaluate(LabelledImage image, RgbImage picture) {
        long start = System.nanoTime();
        if (protocol == BoxProtocol.DETECTOR) {
            List<HandPrediction> found = predictions(detect(picture));
            return ImageResult.of(image, found, System.nanoTime() - start);
        }
        List<HandPrediction> perLabel = new ArrayList<>();
        for (LabelledHand hand : image.hands()) {
            perLabel.add(topDown(picture, hand));
        }
        return ImageResult.perLabel(image, perLabel, System.nanoTime() - start);
    }

    private FrameResult detect(RgbImage picture) {
        pipeline.restart(List.of());
        return pipeline.process(picture, 0, 0);
    }

    /** The model's answer inside the crop made from the labelled box; null when it finds nothing there. */
    private HandPrediction topDown(RgbImage picture, LabelledHand hand) {
        double[] box = hand.box();
        double side = hand.size() * boxScale;
        double cx = box[0] + box[2] / 2;
        double cy = box[1] + box[3] / 2;
        if (pipeline.models().landmarker() != null) {
            RotatedRect region = new RotatedRect(cx / picture.width(), cy / picture.height(),
                    side / picture.width(), side / picture.height(), 0);
            FrameResult result = pipeline.processRegion(picture, region);
            return result.hands().isEmpty() ? null : predictions(result).get(0);
        }
        return oneStageInCrop(picture, cx, cy, side);
    }

    /** One-stage models have no landmarker to aim: they detect in the cut-out crop, best hand first. */
    private HandPrediction oneStageInCrop(RgbImage picture, double cx, double cy, double side) {
        int x0 = (int) Math.max(0, Math.floor(cx - side / 2));
        int y0 = (int) Math.max(0, Math.floor(cy - side / 2));
        int x1 = (int) Math.min(picture.width(), Math.ceil(cx + side / 2));
        int y1 = (int) Math.min(picture.height(), Math.ceil(cy + side / 2));
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            return null;
        }
        try (Rect rect = new Rect(x0, y0, x1 - x0, y1 - y0);
             Mat view = new Mat(picture.mat(), rect);
             RgbImage crop = new RgbImage()) {
            view.copyTo(crop.mat());
            List<HandPrediction> found = predictions(detect(crop), x0, y0);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** A frame's hands as predictions in its pixels (the window scores what it shows with these). */
    public static List<HandPrediction> predictions(FrameResult result) {
        return predictions(result, 0, 0);
    }

    /** The result's hands in pixels of the full image ({@code dx}, {@code dy}: where its picture sits in it). */
    private static List<HandPrediction> predictions(FrameResult result, int dx, int dy) {
        List<HandPrediction> out = new ArrayList<>();
        for (HandResult hand : result.hands()) {
            out.add(prediction(hand, result.width(), result.height(), dx, dy));
        }
        return out;
    }

    /** A hand's raw (unsmoothed) answer: a still has no history to smooth over. */
    private static HandPrediction prediction(HandResult hand, int width, int height, int dx, int dy) {
        Landmarks image = hand.model().landmarks();
        float[] keypoints = new float[HandTopology.LANDMARKS * 2];
        for (int j = 0; j < HandTopology.LANDMARKS; j++) {
            keypoints[2 * j] = image.x(j) * width + dx;
            keypoints[2 * j + 1] = image.y(j) * height + dy;
        }
        Landmarks world = hand.model().worldLandmarks();
        float[] worldMm = null;
        if (world != null && world.count() == HandTopology.LANDMARKS) {
            worldMm = world.toArray();
            for (int i = 0; i < worldMm.length; i++) {
                worldMm[i] *= 1000f;
            }
        }
        return new HandPrediction(keypoints, worldMm, HandSide.of(hand.modelHandedness()), hand.presence());
    }
}
