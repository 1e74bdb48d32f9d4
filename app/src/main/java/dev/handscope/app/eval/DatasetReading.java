package dev.handscope.app.eval;

import dev.handscope.engine.eval.Dataset;

/**
 * A dataset as read, with what the reader left out so a report can say so.
 *
 * @param dataset          the images that have at least one labelled hand
 * @param unlabelledHands  hands the file lists (or marks valid) that have no labelled joint, skipped
 * @param imagesWithoutHands images left out because none of their hands is labelled
 */
public record DatasetReading(Dataset dataset, int unlabelledHands, int imagesWithoutHands) {
}
