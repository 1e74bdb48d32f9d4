package dev.handscope.engine.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * A labelled dataset: its images (each with its hands) and where their files are.
 *
 * @param name   for reports (the annotation file's name)
 * @param images images with at least one labelled hand, in the file's order
 * @param imageFolder the folder {@link LabelledImage#fileName()} is relative to
 */
public record Dataset(String name, List<LabelledImage> images, Path imageFolder) {

    public Dataset {
        images = List.copyOf(images);
    }

    public int handCount() {
        return images.stream().mapToInt(i -> i.hands().size()).sum();
    }
}
