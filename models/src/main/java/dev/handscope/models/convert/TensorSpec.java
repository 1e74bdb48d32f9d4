package dev.handscope.models.convert;

import com.fasterxml.jackson.annotation.JsonInclude;

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
public record TensorSpec(String name, String tflite, int[] shape, String dtype, String meaning) {
}
