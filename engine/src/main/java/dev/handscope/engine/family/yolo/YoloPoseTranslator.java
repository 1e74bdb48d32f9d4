package dev.handscope.engine.family.yolo;

import dev.handscope.engine.imaging.Letterbox;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.imaging.ModelInputWarp;
import dev.handscope.engine.imaging.RgbImage;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.model.HandRegion;
import dev.handscope.engine.model.ModelRuntime;
import dev.handscope.engine.model.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A YOLO-pose model's pre- and post-processing: letterbox the (turned) image into the model input
 * with the options' pad value, normalised like the pixels; decode and suppress the candidates, map
 * boxes and keypoints back to the image and make each hand a {@link HandRegion} carrying its
 * {@link HandLandmarks}.
 * <p>
 * Image landmarks have z = 0 (the model is 2D). World landmarks are a 2D-only approximation, since
 * YOLO-pose has no 3D: the image landmarks in pixels, centred on the wrist, scaled so that the
 * wrist to middle-finger knuckle distance is {@link #PALM_LENGTH_METRES}, z = 0. They let the
 * stages that need metres (mesh fitting) run, but say nothing about depth.
 * <p>
 * Presence is the class score. With classes named "left" and "right" (any case) the best class
 * gives the handedness, scored by the two scores' share (0.5 to 1); otherwise the region's
 * handedness is null and the landmarks carry {@code Right} at 0.5 (undecided).
 */
public final class YoloPoseTranslator
        implements Translator<YoloPoseTranslator.Request, YoloPoseTranslator.Request, List<HandRegion>>, AutoCloseable {
    /** Wrist to middle-finger MCP of an adult hand, the scale of the approximate world landmarks. */
    public static final double PALM_LENGTH_METRES = 0.09;

    /** One image to search, and the letterbox that maps it to the model. */
    public record Request(RgbImage image, double rotation, float minScore, Letterbox letterbox) {
    }

    private final YoloPoseOptions options;
    private final long[] outputShape;
    private final YoloPoseDecoder decoder;
    private final ModelInputWarp warp;
    private final int leftClass;
    private final int rightClass;

    /**
     * @param outputShape the model output's shape ({@code [1, 4+C+3K, N]} or {@code [1, N, 4+C+3K]})
     * @throws IllegalArgumentException when the shape fits neither layout
     */
    public YoloPoseTranslator(YoloPoseOptions options, long[] outputShape) {
        YoloPoseDecoder.layout(outputShape, options.valuesPerCandidate());
        this.options = options;
        this.outputShape = outputShape.clone();
        this.decoder = new YoloPoseDecoder(options);
        this.warp = new ModelInputWarp(options.input());
        List<String> names = options.classes().stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        int left = names.indexOf("left");
        int right = names.indexOf("right");
        boolean handed = left >= 0 && right >= 0;
        this.leftClass = handed ? left : -1;
        this.rightClass = handed ? right : -1;
    }

    /** The request for one image. */
    public Request request(RgbImage image, double rotation, float minScore) {
        return new Request(image, rotation, minScore, new Letterbox(image.width(), image.height(), rotation,
                options.input().width(), options.input().height()));
    }

    /** Whether the classes name left and right hands. */
    public boolean givesHandedness() {
        return leftClass >= 0;
    }

    @Override
    public Request processInput(Request request, float[] modelInput) {
        warp.warp(request.image(), request.letterbox().modelToImageAffine(), modelInput);
        return request;
    }

    @Override
    public List<HandRegion> processOutput(Request request, ModelRuntime outputs) {
        float minScore = Math.max(options.confidence(), request.minScore());
        List<YoloPoseDecoder.Candidate> found = decoder.decode(outputs.output(0), outputShape, minScore);
        List<HandRegion> regions = new ArrayList<>(found.size());
        for (YoloPoseDecoder.Candidate candidate : found) {
            regions.add(toRegion(candidate, request.letterbox()));
        }
        return regions;
    }

    /** A decoded candidate as a region of the image, with its landmarks. */
    HandRegion toRegion(YoloPoseDecoder.Candidate c, Letterbox box) {
        double[] bounds = box.normalizedBox(c.left(), c.top(), c.right(), c.bottom());
        float[] image = new float[3 * HandLandmarks.COUNT];
        for (int l = 0; l < HandLandmarks.COUNT; l++) {
            image[3 * l] = (float) box.normalizedX(c.landmarkX(l), c.landmarkY(l));
            image[3 * l + 1] = (float) box.normalizedY(c.landmarkX(l), c.landmarkY(l));
        }
        Handedness handedness = handedness(c);
        RotatedRect crop = new RotatedRect(bounds[0] + bounds[2] / 2, bounds[1] + bounds[3] / 2, bounds[2], bounds[3], 0);
        HandLandmarks landmarks = new HandLandmarks(Landmarks.of(image),
                Landmarks.of(world(image, bounds, box.imageWidth(), box.imageHeight())), c.score(),
                handedness != null ? handedness : new Handedness(Handedness.RIGHT, 0.5), crop);
        return new HandRegion((float) bounds[0], (float) bounds[1], (float) bounds[2], (float) bounds[3], c.score(),
                new float[0], handedness, crop, landmarks);
    }

    private Handedness handedness(YoloPoseDecoder.Candidate c) {
        if (leftClass < 0) {
            return null;
        }
        float[] scores = c.classScores();
        double left = scores[leftClass];
        double right = scores[rightClass];
        double sum = left + right;
        double share = sum > 0 ? Math.max(left, right) / sum : 0.5;
        if (c.classIndex() == rightClass) {
            return new Handedness(Handedness.RIGHT, share);
        }
        if (c.classIndex() == leftClass) {
            return new Handedness(Handedness.LEFT, share);
        }
        // Another class won (e.g. a third "hand" class): go by the larger of the two.
        return right > left ? new Handedness(Handedness.RIGHT, share) : new Handedness(Handedness.LEFT, share);
    }

    /**
     * The 2D-only world landmarks: image landmarks in pixels, centred on the wrist, scaled so the wrist
     * to middle MCP is {@link #PALM_LENGTH_METRES}; when those two coincide, half the box's larger side
     * stands for that length instead.
     */
    static float[] world(float[] image, double[] bounds, int imageWidth, int imageHeight) {
        int wrist = 3 * HandTopology.WRIST;
        int middle = 3 * HandTopology.MIDDLE_MCP;
        double dx = (image[middle] - image[wrist]) * imageWidth;
        double dy = (image[middle + 1] - image[wrist + 1]) * imageHeight;
        double length = Math.hypot(dx, dy);
        if (!(length > 1e-6)) {
            length = Math.max(bounds[2] * imageWidth, bounds[3] * imageHeight) / 2;
        }
        double metresPerPixel = length > 1e-6 ? PALM_LENGTH_METRES / length : 0;
        float[] world = new float[image.length];
        for (int i = 0; i < image.length; i += 3) {
            world[i] = (float) ((image[i] - image[wrist]) * imageWidth * metresPerPixel);
            world[i + 1] = (float) ((image[i + 1] - image[wrist + 1]) * imageHeight * metresPerPixel);
        }
        return world;
    }

    /** Candidates dropped for NaN or infinite values in the last call. */
    public int droppedNonFinite() {
        return decoder.droppedNonFinite();
    }

    /** Candidates dropped for NaN or infinite values since this translator was made. */
    public long totalDroppedNonFinite() {
        return decoder.totalDroppedNonFinite();
    }

    /** The RGB bytes of the last letterboxed input (what the model saw). */
    public byte[] lastInputBytes() {
        return warp.lastBytes();
    }

    @Override
    public void close() {
        warp.close();
    }
}
