package dev.handscope.models.convert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;

/**
 * One input or output of a converted model's serving signature, as written to model.json.
 *
 * @param name    the signature key (e.g. "image", "landmarks")
 * @param tflite  the tensor's name in the source TFLite model
 * @param shape   static shape
 * @param dtype   element type, "float32"
 * @param meaning what the values are, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TensorSpec(String name, String tflite, List<Integer> shape, String dtype, String meaning) {

    static TensorSpec of(String name, String tflite, int[] shape, String meaning) {
        return new TensorSpec(name, tflite, Arrays.stream(shape).boxed().toList(), "float32", meaning);
    }
}
