package dev.handscope.engine.eval;

import java.util.List;

/**
 * One image of a dataset with its labelled hands.
 *
 * @param fileName the image's file, relative to the dataset's image folder
 * @param camera   the image's camera when the dataset gives it, else null
 */
public record LabelledImage(long id, String fileName, int width, int height, CameraIntrinsics camera,
                            List<LabelledHand> hands) {

    public LabelledImage {
        hands = List.copyOf(hands);
    }
}
