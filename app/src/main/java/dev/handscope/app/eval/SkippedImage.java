package dev.handscope.app.eval;

import dev.handscope.engine.eval.LabelledImage;

/** A labelled image the run could not score (its file missing or unreadable), with why. */
public record SkippedImage(LabelledImage image, String reason) {
}
