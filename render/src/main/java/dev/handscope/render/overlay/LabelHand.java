package dev.handscope.render.overlay;

/**
 * A ground-truth hand to draw under the prediction: plain points, no model.
 *
 * @param points    21 x (x, y), image-normalised, MediaPipe's joint order
 * @param labelled  per joint, whether the label holds it (bones need both ends)
 * @param predicted 21 x (x, y), image-normalised: the prediction matched to this label, or null when
 *                  it was missed
 * @param marked    per joint, whether to mark it and draw its error (the line to the prediction)
 */
public record LabelHand(float[] points, boolean[] labelled, float[] predicted, boolean[] marked) {
    public LabelHand {
        if (points.length != 42 || labelled.length != 21 || marked.length != 21
                || (predicted != null && predicted.length != 42)) {
            throw new IllegalArgumentException("a label hand has 21 joints");
        }
    }
}
