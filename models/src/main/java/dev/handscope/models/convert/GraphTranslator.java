package dev.handscope.models.convert;

import static dev.handscope.models.convert.TfliteValues.*;

import dev.handscope.models.tflite.TfliteModel;
import dev.handscope.models.tflite.TfliteOperator;
import dev.handscope.models.tflite.TfliteTensor;
import dev.handscope.models.tflite.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Rebuilds a TFLite graph as TensorFlow ops, one TFLite operator at a time, weights as float32
 * constants in TensorFlow's layouts (filters OHWI -> HWIO, depthwise 1HW(C*M) -> HWCM, fully
 * connected [out, in] -> [in, out]). Supports the operators of the MediaPipe hand models; anything
 * else fails with the operator's name and index.
 */
final class GraphTranslator {
    private final TfliteModel model;
    private final Ops tf;
    private final Map<Integer, Operand<TFloat32>> values = new HashMap<>();
    private final TfliteValues constants;

    GraphTranslator(TfliteModel model, Ops tf) {
        this.model = model;
        this.tf = tf;
        this.constants = new TfliteValues(model);
    }

    /** Declares the model's single input as a placeholder named {@code inputName}. */
    Operand<TFloat32> input(String inputName) {
        int[] inputs = model.inputs();
        if (inputs.length != 1) {
            throw new ConversionException("the model has " + inputs.length + " inputs; only single-input models are supported");
        }
        TfliteTensor tensor = model.tensor(inputs[0]);
        if (tensor.type() != TensorType.FLOAT32) {
            throw new ConversionException("input tensor '" + tensor.name() + "' is " + tensor.type() + ", expected FLOAT32");
        }
        if (Arrays.stream(tensor.shape()).anyMatch(d -> d < -1)) {
            throw new ConversionException("input tensor '" + tensor.name() + "' has shape "
                    + Arrays.toString(tensor.shape()) + "; the model is corrupt");
        }
        Operand<TFloat32> placeholder = tf.withName(inputName).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(longs(tensor.shape()))));
        values.put(inputs[0], placeholder);
        return placeholder;
    }

    /** Translates every operator in order. */
    void translateAll() {
        for (TfliteOperator op : model.operators()) {
            try {
                translate(op);
            } catch (TensorFlowException | IllegalArgumentException | IndexOutOfBoundsException e) {
                // A corrupt but parseable model: tensors, shapes or options that do not fit together.
                throw unsupported(op, "its tensors do not fit together (" + firstLine(e.getMessage())
                        + "); the model is corrupt");
            }
        }
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The TensorFlow value of a TFLite tensor (after {@link #translateAll()}). */
    Operand<TFloat32> value(int tensor) {
        Operand<TFloat32> value = values.get(tensor);
        if (value == null) {
            float[] data = constants.floats(tensor);
            if (data == null) {
                throw new ConversionException("tensor " + tensor + " '" + model.tensor(tensor).name()
                        + "' is used before any operator produces it");
            }
            value = floatConstant(model.tensor(tensor).shape(), data);
            values.put(tensor, value);
        }
        return value;
    }

    private void translate(TfliteOperator op) {
        int[] in = op.inputs();
        int out = op.outputs()[0];
        TfliteOperator.Options o = op.options();
        switch (op.name()) {
            case "DEQUANTIZE" -> constants.dequantize(op);
            case "CONV_2D" -> {
                int[] f = model.tensor(in[1]).shape(); // O, H, W, I
                float[] filter = WeightLayouts.permute(constants.weights(op, in[1]), f, 1, 2, 3, 0); // OHWI -> HWIO
                Operand<TFloat32> y = tf.nn.conv2d(value(in[0]), floatConstant(new int[] {f[1], f[2], f[3], f[0]}, filter),
                        List.of(1L, (long) o.getInt(CONV_STRIDE_H, 1), (long) o.getInt(CONV_STRIDE_W, 1), 1L),
                        padding(op, o.getByte(CONV_PADDING, 0)),
                        Conv2d.dilations(1L, (long) o.getInt(CONV_DILATION_H, 1), (long) o.getInt(CONV_DILATION_W, 1), 1L));
                put(op, out, activation(op, withBias(op, y, in), o.getByte(CONV_ACTIVATION, 0)));
            }
            case "DEPTHWISE_CONV_2D" -> {
                int[] f = model.tensor(in[1]).shape(); // 1, H, W, C*M
                int multiplier = Math.max(1, o.getInt(DW_MULTIPLIER, 1));
                int channels = f[3] / multiplier;
                // [1, H, W, C*M] and [H, W, C, M] share one memory order: only the shape changes.
                Operand<TFloat32> filter = floatConstant(new int[] {f[1], f[2], channels, multiplier}, constants.weights(op, in[1]));
                Operand<TFloat32> y = tf.nn.depthwiseConv2dNative(value(in[0]), filter,
                        List.of(1L, (long) o.getInt(DW_STRIDE_H, 1), (long) o.getInt(DW_STRIDE_W, 1), 1L),
                        padding(op, o.getByte(DW_PADDING, 0)),
                        DepthwiseConv2dNative.dilations(List.of(1L, (long) o.getInt(DW_DILATION_H, 1),
                                (long) o.getInt(DW_DILATION_W, 1), 1L)));
                put(op, out, activation(op, withBias(op, y, in), o.getByte(DW_ACTIVATION, 0)));
            }
            case "ADD" -> put(op, out, activation(op, tf.math.add(value(in[0]), value(in[1])), o.getByte(0, 0)));
            case "PRELU" -> {
                Operand<TFloat32> x = value(in[0]);
                float[] alpha = constants.floats(in[1]);
                if (alpha != null && allWithin(alpha, 0, 1)) {
                    // For 0 <= alpha <= 1, max(x, alpha * x) is exactly PReLU, in two passes instead of four.
                    put(op, out, tf.math.maximum(x, tf.math.mul(value(in[1]), x)));
                } else {
                    // max(x, 0) + alpha * min(x, 0). Not Relu: grappler would fuse a Relu into the
                    // producing convolution and strand the Minimum that reads the same value.
                    Operand<TFloat32> zero = tf.constant(0f);
                    put(op, out, tf.math.add(tf.math.maximum(x, zero), tf.math.mul(value(in[1]), tf.math.minimum(x, zero))));
                }
            }
            case "MAX_POOL_2D" -> {
                Operand<TFloat32> y = tf.nn.maxPool(value(in[0]),
                        tf.constant(new int[] {1, o.getInt(POOL_FILTER_H, 1), o.getInt(POOL_FILTER_W, 1), 1}),
                        tf.constant(new int[] {1, o.getInt(POOL_STRIDE_H, 1), o.getInt(POOL_STRIDE_W, 1), 1}),
                        padding(op, o.getByte(POOL_PADDING, 0)));
                put(op, out, activation(op, y, o.getByte(POOL_ACTIVATION, 0)));
            }
            case "PAD" -> put(op, out, tf.pad(value(in[0]), intConstant(op, in[1]), tf.constant(0f)));
            case "RESIZE_BILINEAR" -> put(op, out, tf.image.resizeBilinear(value(in[0]), intConstant(op, in[1]),
                    ResizeBilinear.alignCorners(o.getBool(RESIZE_ALIGN_CORNERS)),
                    ResizeBilinear.halfPixelCenters(o.getBool(RESIZE_HALF_PIXEL))));
            case "RESHAPE" -> put(op, out, tf.reshape(value(in[0]), tf.constant(model.tensor(out).shape())));
            case "CONCATENATION" -> {
                List<Operand<TFloat32>> parts = new ArrayList<>();
                for (int tensor : in) {
                    parts.add(value(tensor));
                }
                int axis = o.getInt(0, 0);
                if (axis < 0) {
                    axis += model.tensor(out).shape().length;
                }
                put(op, out, activation(op, tf.concat(parts, tf.constant(axis)), o.getByte(1, 0)));
            }
            case "MEAN" -> put(op, out, tf.math.mean(value(in[0]), intConstant(op, in[1]),
                    Mean.keepDims(o.getBool(0))));
            case "FULLY_CONNECTED" -> {
                int[] w = model.tensor(in[1]).shape(); // out, in
                float[] transposed = WeightLayouts.permute(constants.weights(op, in[1]), w, 1, 0);
                Operand<TFloat32> x = tf.reshape(value(in[0]), tf.constant(new int[] {-1, w[1]}));
                Operand<TFloat32> y = tf.linalg.matMul(x, floatConstant(new int[] {w[1], w[0]}, transposed),
                        MatMul.transposeA(false));
                y = activation(op, withBias(op, y, in), o.getByte(0, 0));
                put(op, out, tf.reshape(y, tf.constant(model.tensor(out).shape())));
            }
            case "LOGISTIC" -> put(op, out, tf.math.sigmoid(value(in[0])));
            case "RELU" -> put(op, out, tf.nn.relu(value(in[0])));
            case "RELU6" -> put(op, out, tf.nn.relu6(value(in[0])));
            case "TANH" -> put(op, out, tf.math.tanh(value(in[0])));
            default -> throw unsupported(op, "operator not supported");
        }
    }

    private Operand<TInt32> intConstant(TfliteOperator op, int tensor) {
        int[] data = constants.ints(op, tensor);
        return tf.constant(Shape.of(longs(model.tensor(tensor).shape())), DataBuffers.of(data, true, false));
    }

    private Operand<TFloat32> withBias(TfliteOperator op, Operand<TFloat32> y, int[] inputs) {
        if (inputs.length < 3 || inputs[2] < 0) {
            return y;
        }
        float[] bias = constants.weights(op, inputs[2]);
        return tf.nn.biasAdd(y, floatConstant(new int[] {bias.length}, bias));
    }

    private Operand<TFloat32> activation(TfliteOperator op, Operand<TFloat32> y, int code) {
        return switch (code) {
            case 0 -> y;
            case 1 -> tf.nn.relu(y);
            case 2 -> tf.math.minimum(tf.math.maximum(y, tf.constant(-1f)), tf.constant(1f));
            case 3 -> tf.nn.relu6(y);
            case 4 -> tf.math.tanh(y);
            default -> throw unsupported(op, "fused activation " + code);
        };
    }

    private String padding(TfliteOperator op, int code) {
        return switch (code) {
            case 0 -> "SAME";
            case 1 -> "VALID";
            default -> throw unsupported(op, "padding " + code);
        };
    }

    private void put(TfliteOperator op, int tensor, Operand<TFloat32> value) {
        if (values.putIfAbsent(tensor, value) != null) {
            throw unsupported(op, "writes tensor " + tensor + " a second time");
        }
    }

    private Operand<TFloat32> floatConstant(int[] shape, float[] data) {
        // TensorFlow aborts the whole process on a negative dimension: check before it sees the shape.
        long count = 1;
        boolean negative = false;
        for (int dimension : shape) {
            negative |= dimension < 0;
            count = Math.min(count * Math.max(dimension, 0), Integer.MAX_VALUE + 1L); // no overflow
        }
        if (negative || count != data.length) {
            throw new ConversionException("a constant of shape " + Arrays.toString(shape) + " does not match its "
                    + data.length + " values; the model is corrupt");
        }
        return tf.constant(Shape.of(longs(shape)), DataBuffers.of(data, true, false));
    }

    private static long[] longs(int[] shape) {
        return Arrays.stream(shape).asLongStream().toArray();
    }
}
