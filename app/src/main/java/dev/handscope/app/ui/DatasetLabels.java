package dev.handscope.app.ui;

import dev.handscope.engine.eval.HandScore;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.eval.JointFilter;
import dev.handscope.engine.eval.LabelledHand;
import dev.handscope.engine.eval.LabelledImage;
import dev.handscope.engine.hand.HandTopology;
import dev.handscope.render.overlay.LabelHand;
import java.util.ArrayList;
import java.util.List;

/** A dataset image's labels as the overlay draws them: plain normalised points, the filter's joints marked. */
final class DatasetLabels {
    private DatasetLabels() {
    }

    /**
     * @param result the image's score (each label's matched prediction), or null while unscored
     */
    static List<LabelHand> of(LabelledImage image, ImageResult result, JointFilter filter) {
        List<LabelHand> labels = new ArrayList<>();
        boolean[] marked = new boolean[HandTopology.LANDMARKS];
        for (int j = 0; j < marked.length; j++) {
            marked[j] = filter.includes(j);
        }
        for (int h = 0; h < image.hands().size(); h++) {
            LabelledHand hand = image.hands().get(h);
            HandScore score = result == null ? null : result.hands().get(h);
            float[] predicted = score == null || !score.detected() ? null
                    : normalised(score.prediction().keypoints(), image);
            labels.add(new LabelHand(normalised(hand.keypoints(), image), hand.labelled(), predicted, marked));
        }
        return labels;
    }

    private static float[] normalised(float[] pixels, LabelledImage image) {
        float[] out = new float[pixels.length];
        for (int j = 0; j < pixels.length / 2; j++) {
            out[2 * j] = pixels[2 * j] / image.width();
            out[2 * j + 1] = pixels[2 * j + 1] / image.height();
        }
        return out;
    }
}
