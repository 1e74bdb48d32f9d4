package dev.handscope.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One image's outcome: a score per labelled hand (in the label's order), the predictions that
 * matched no label, and how long the model took on the image.
 *
 * @param nanos the model's time for the image, for the summary's speed
 */
public record ImageResult(LabelledImage image, List<HandScore> hands, List<HandPrediction> falsePositives,
                          long nanos) {

    public ImageResult {
        hands = List.copyOf(hands);
        falsePositives = List.copyOf(falsePositives);
    }

    /**
     * Bottom-up: the model found {@code predictions} in the image itself; they are matched to the
     * labels by {@link HandMatching} and the rest are false positives.
     */
    public static ImageResult of(LabelledImage image, List<HandPrediction> predictions, long nanos) {
        int[] assigned = HandMatching.assign(image.hands(), predictions);
        boolean[] matched = new boolean[predictions.size()];
        List<HandScore> hands = new ArrayList<>();
        for (int l = 0; l < assigned.length; l++) {
            HandPrediction prediction = assigned[l] < 0 ? null : predictions.get(assigned[l]);
            if (prediction != null) {
                matched[assigned[l]] = true;
            }
            hands.add(HandScore.score(image, image.hands().get(l), prediction));
        }
        List<HandPrediction> falsePositives = IntStream.range(0, predictions.size()).filter(p -> !matched[p])
                .mapToObj(predictions::get).toList();
        return new ImageResult(image, hands, falsePositives, nanos);
    }

    /**
     * Top-down: the model ran once per labelled hand (from its box); entry i of {@code onePerLabel}
     * is label i's prediction, or null when the model found no hand there. No false positives.
     *
     * @throws IllegalArgumentException when there is not one entry per label
     */
    public static ImageResult perLabel(LabelledImage image, List<HandPrediction> onePerLabel, long nanos) {
        if (onePerLabel.size() != image.hands().size()) {
            throw new IllegalArgumentException("image " + image.id() + " has " + image.hands().size()
                    + " labelled hands but " + onePerLabel.size() + " predictions");
        }
        List<HandScore> hands = new ArrayList<>();
        for (int l = 0; l < onePerLabel.size(); l++) {
            hands.add(HandScore.score(image, image.hands().get(l), onePerLabel.get(l)));
        }
        return new ImageResult(image, hands, List.of(), nanos);
    }
}
