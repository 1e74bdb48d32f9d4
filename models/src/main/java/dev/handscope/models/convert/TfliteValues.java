package dev.handscope.models.convert;

import dev.handscope.models.tflite.TensorType;
import dev.handscope.models.tflite.TfliteModel;
import dev.handscope.models.tflite.TfliteOperator;
import dev.handscope.models.tflite.TfliteTensor;
import java.util.HashMap;
import java.util.Map;

/**
 * What a translator reads from a TFLite model besides its operators: constant weights (stored as
 * float32 or float16, or made float by a DEQUANTIZE of a constant), constant int32 tensors, and
 * the fields of the operators' option tables (schema v3). Shared by the TensorFlow and ONNX
 * translators so both read a model alike.
 */
final class TfliteValues {
    static final int CONV_PADDING = 0, CONV_STRIDE_W = 1, CONV_STRIDE_H = 2, CONV_ACTIVATION = 3,
            CONV_DILATION_W = 4, CONV_DILATION_H = 5;
    static final int DW_PADDING = 0, DW_STRIDE_W = 1, DW_STRIDE_H = 2, DW_MULTIPLIER = 3,
            DW_ACTIVATION = 4, DW_DILATION_W = 5, DW_DILATION_H = 6;
    static final int POOL_PADDING = 0, POOL_STRIDE_W = 1, POOL_STRIDE_H = 2, POOL_FILTER_W = 3,
            POOL_FILTER_H = 4, POOL_ACTIVATION = 5;
    static final int RESIZE_ALIGN_CORNERS = 2, RESIZE_HALF_PIXEL = 3;

    private final TfliteModel model;
    /** Constant float data by tensor: stored constants and the outputs of DEQUANTIZE on them. */
    private final Map<Integer, float[]> constants = new HashMap<>();

    TfliteValues(TfliteModel model) {
        this.model = model;
    }

    /** A DEQUANTIZE of constant weights: its output becomes a float constant. */
    void dequantize(TfliteOperator op) {
        TfliteTensor source = model.tensor(op.inputs()[0]);
        if (!source.isConstant()) {
            throw unsupported(op, "DEQUANTIZE of a computed tensor (only constant weights are supported)");
        }
        constants.put(op.outputs()[0], source.floats());
    }

    /** The constant float data of a weight input, or an error naming the operator. */
    float[] weights(TfliteOperator op, int tensor) {
        float[] data = floats(tensor);
        if (data == null) {
            throw unsupported(op, "weights in tensor " + tensor + " are not constant");
        }
        return data;
    }

    /** The tensor's constant float data, or null for a computed tensor. */
    float[] floats(int tensor) {
        float[] known = constants.get(tensor);
        if (known != null) {
            return known;
        }
        TfliteTensor t = model.tensor(tensor);
        if (!t.isConstant() || (t.type() != TensorType.FLOAT32 && t.type() != TensorType.FLOAT16)) {
            return null;
        }
        float[] data = t.floats();
        constants.put(tensor, data);
        return data;
    }

    /** A constant int32 input (sizes, paddings, axes), or an error naming the operator. */
    int[] ints(TfliteOperator op, int tensor) {
        TfliteTensor t = model.tensor(tensor);
        if (!t.isConstant() || t.type() != TensorType.INT32) {
            throw unsupported(op, "expects a constant INT32 tensor as input " + tensor);
        }
        return t.ints();
    }

    static ConversionException unsupported(TfliteOperator op, String what) {
        return new ConversionException("operator #" + op.index() + " " + op.name() + ": " + what);
    }

    static boolean allWithin(float[] values, float low, float high) {
        for (float v : values) {
            if (!(v >= low && v <= high)) {
                return false;
            }
        }
        return true;
    }
}
