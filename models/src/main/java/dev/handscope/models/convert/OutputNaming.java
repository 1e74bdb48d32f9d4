package dev.handscope.models.convert;

import dev.handscope.models.tflite.TfliteModel;
import dev.handscope.models.tflite.TfliteTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises the MediaPipe hand and face models by their input and output tensors and gives their outputs
 * meaningful names; any other model keeps sanitised TFLite names.
 */
final class OutputNaming {
    static final String INPUT_NAME = "image";

    /** A recognised model: its kind, input meaning and the names for its outputs by TFLite name. */
    record Layout(ModelKind kind, String preprocessing, Map<String, String[]> outputs) {
    }

    private static final Layout PALM = new Layout(ModelKind.PALM_DETECTOR,
            "RGB in [0, 1], the frame letterboxed (aspect kept, zero padding) to 192x192",
            Map.of("Identity", new String[] {"boxes",
                            "per anchor: box centre x, y, width, height and 7 palm keypoints (x, y), in pixels of the"
                                    + " 192x192 input, relative to the anchor centre"},
                    "Identity_1", new String[] {"scores", "per anchor: raw score (logit); sigmoid gives the palm probability"}));

    private static final Layout LANDMARKS = new Layout(ModelKind.HAND_LANDMARKS,
            "RGB in [0, 1], a rotated square crop around the hand resampled to 224x224",
            Map.of("Identity", new String[] {"landmarks", "21 landmarks x (x, y, z) in pixels of the 224x224 crop"},
                    "Identity_1", new String[] {"presence", "probability that a hand is in the crop (already sigmoid)"},
                    "Identity_2", new String[] {"handedness",
                            "probability of a right hand, for an unmirrored image (already sigmoid)"},
                    "Identity_3", new String[] {"world_landmarks", "21 landmarks x (x, y, z) in metres, hand-centred"}));

    private static final Layout FACE_DETECTOR = new Layout(ModelKind.FACE_DETECTOR,
            "RGB in [-1, 1], the frame letterboxed (aspect kept, black padding) to 128x128",
            Map.of("regressors", new String[] {"boxes",
                            "per anchor: box centre x, y, width, height and 6 face keypoints (x, y: right eye, left eye,"
                                    + " nose tip, mouth centre, right ear tragion, left ear tragion), in pixels of the"
                                    + " 128x128 input, relative to the anchor centre"},
                    "classificators", new String[] {"scores",
                            "per anchor: raw score (logit); sigmoid gives the face probability"}));

    private static final Layout FACE_LANDMARKS = new Layout(ModelKind.FACE_LANDMARKS,
            "RGB in [0, 1], a rotated square crop around the face resampled to 192x192",
            Map.of("conv2d_21", new String[] {"landmarks", "468 landmarks x (x, y, z) in pixels of the 192x192 crop"},
                    "conv2d_31", new String[] {"presence",
                            "raw face presence score (logit); sigmoid gives the probability"}));

    private OutputNaming() {
    }

    static Layout recognise(TfliteModel model) {
        int[] in = model.tensor(model.inputs()[0]).shape();
        List<String> outputNames = Arrays.stream(model.outputs()).mapToObj(i -> model.tensor(i).name()).sorted().toList();
        if (Arrays.equals(in, new int[] {1, 192, 192, 3}) && outputNames.equals(List.of("Identity", "Identity_1"))) {
            return PALM;
        }
        if (Arrays.equals(in, new int[] {1, 224, 224, 3})
                && outputNames.equals(List.of("Identity", "Identity_1", "Identity_2", "Identity_3"))) {
            return LANDMARKS;
        }
        if (Arrays.equals(in, new int[] {1, 128, 128, 3})
                && outputNames.equals(List.of("classificators", "regressors"))) {
            return FACE_DETECTOR;
        }
        if (Arrays.equals(in, new int[] {1, 192, 192, 3}) && outputNames.equals(List.of("conv2d_21", "conv2d_31"))) {
            return FACE_LANDMARKS;
        }
        return null;
    }

    /** The outputs' signature specs, in the source's output order. */
    static List<TensorSpec> outputs(TfliteModel model, Layout layout) {
        List<TensorSpec> specs = new ArrayList<>();
        for (int index : model.outputs()) {
            TfliteTensor tensor = model.tensor(index);
            String[] named = layout == null ? null : layout.outputs().get(tensor.name());
            String name = named != null ? named[0] : sanitise(tensor.name());
            specs.add(TensorSpec.of(name, tensor.name(), tensor.shape(), named != null ? named[1] : null));
        }
        return specs;
    }

    static String sanitise(String tfliteName) {
        String name = tfliteName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "output_" + name : name;
    }
}
