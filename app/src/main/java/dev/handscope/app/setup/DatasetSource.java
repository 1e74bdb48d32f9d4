package dev.handscope.app.setup;

import dev.handscope.engine.eval.KeypointOrder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A labelled dataset opened as the window's source ({@code --source FILE.json}).
 *
 * @param annotations the COCO-keypoint JSON file
 * @param images      the folder its {@code file_name}s are in
 * @param order       how the file orders each hand's keypoints
 */
public record DatasetSource(Path annotations, Path images, KeypointOrder order) {

    /** Whether {@code source} names an annotation file (by its .json extension) rather than a video or image. */
    public static boolean isAnnotationFile(String source) {
        return source.trim().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** The dataset at {@code annotations}, its images in {@code images} or, when null, beside the JSON file. */
    public static DatasetSource of(Path annotations, Path images, KeypointOrder order) {
        Path folder = images != null ? images : annotations.toAbsolutePath().getParent();
        return new DatasetSource(annotations, folder, order);
    }

    @Override
    public String toString() {
        return annotations.toString();
    }
}
