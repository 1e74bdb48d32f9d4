package dev.handscope.models.convert;

import static dev.handscope.models.convert.TfliteValues.*;

import dev.handscope.models.onnx.OnnxGraph;
import dev.handscope.models.tflite.TfliteModel;
import dev.handscope.models.tflite.TfliteOperator;
import dev.handscope.models.tflite.TfliteTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a TFLite graph as an ONNX graph, operator by operator, for ONNX Runtime's CPU kernels.
 * Values keep TFLite's NHWC layout; the operators ONNX defines on NCHW (convolutions, pooling,
 * resizing) are wrapped in transposes, which ONNX Runtime's transpose optimiser cancels between
 * neighbours when it loads the model. Weights become float32 initialisers in ONNX's layouts
 * (filters OHWI -> OIHW, depthwise 1HW(C*M) -> (C*M)1HW). Same operators as {@link GraphTranslator}.
 */
final class OnnxTranslator {
    private static final long[] TO_NCHW = {0, 3, 1, 2}, TO_NHWC = {0, 2, 3, 1};

    private final TfliteModel model;
    private final OnnxGraph graph = new OnnxGraph();
    private final TfliteValues constants;
    /** The ONNX value holding each TFLite tensor computed so far or declared as a constant. */
    private final Map<Integer, String> values = new HashMap<>();
    private int temporaries;

    OnnxTranslator(TfliteModel model) {
        this.model = model;
        this.constants = new TfliteValues(model);
    }

    /**
     * The whole graph: input {@code inputName}, outputs named in order, and {@code metadata} in the
     * model's metadata.
     */
    byte[] translate(String inputName, List<String> outputNames, String graphName, Map<String, String> metadata) {
        int[] inputs = model.inputs();
        if (inputs.length != 1) {
            throw new ConversionException("the model has " + inputs.length + " inputs; only single-input models are supported");
        }
        TfliteTensor input = model.tensor(inputs[0]);
        graph.input(inputName, longs(input.shape()));
        values.put(inputs[0], inputName);
        for (TfliteOperator op : model.operators()) {
            translate(op);
        }
        int[] outputs = model.outputs();
        for (int i = 0; i < outputs.length; i++) {
            graph.node("Identity", List.of(value(outputs[i])), outputNames.get(i)).add();
            graph.output(outputNames.get(i), longs(model.tensor(outputs[i]).shape()));
        }
        metadata.forEach(graph::metadata);
        return graph.toBytes(TfliteConverter.NAME, TfliteConverter.VERSION, graphName);
    }

    private void translate(TfliteOperator op) {
        int[] in = op.inputs();
        int out = op.outputs()[0];
        TfliteOperator.Options o = op.options();
        switch (op.name()) {
            case "DEQUANTIZE" -> constants.dequantize(op);
            case "CONV_2D" -> {
                int[] f = model.tensor(in[1]).shape(); // O, H, W, I
                String filter = constant(WeightLayouts.permute(constants.weights(op, in[1]), f, 0, 3, 1, 2), f[0], f[3], f[1], f[2]);
                convolution(op, in, out, filter, f[1], f[2], 1, o.getInt(CONV_STRIDE_H, 1), o.getInt(CONV_STRIDE_W, 1),
                        o.getInt(CONV_DILATION_H, 1), o.getInt(CONV_DILATION_W, 1), o.getByte(CONV_PADDING, 0),
                        o.getByte(CONV_ACTIVATION, 0));
            }
            case "DEPTHWISE_CONV_2D" -> {
                int[] f = model.tensor(in[1]).shape(); // 1, H, W, C*M
                int multiplier = Math.max(1, o.getInt(DW_MULTIPLIER, 1));
                String filter = constant(WeightLayouts.permute(constants.weights(op, in[1]), new int[] {f[1], f[2], f[3]}, 2, 0, 1), f[3], 1, f[1], f[2]);
                convolution(op, in, out, filter, f[1], f[2], f[3] / multiplier, o.getInt(DW_STRIDE_H, 1),
                        o.getInt(DW_STRIDE_W, 1), o.getInt(DW_DILATION_H, 1), o.getInt(DW_DILATION_W, 1),
                        o.getByte(DW_PADDING, 0), o.getByte(DW_ACTIVATION, 0));
            }
            case "MAX_POOL_2D" -> {
                int kh = o.getInt(POOL_FILTER_H, 1), kw = o.getInt(POOL_FILTER_W, 1);
                int sh = o.getInt(POOL_STRIDE_H, 1), sw = o.getInt(POOL_STRIDE_W, 1);
                String x = transposed(value(in[0]), TO_NCHW);
                String y = temporary();
                graph.node("MaxPool", List.of(x), y).ints("kernel_shape", kh, kw).ints("strides", sh, sw)
                        .ints("pads", pads(op, in[0], kh, kw, sh, sw, 1, 1, o.getByte(POOL_PADDING, 0))).add();
                finish(op, out, transposed(y, TO_NHWC), o.getByte(POOL_ACTIVATION, 0));
            }
            case "ADD" -> finish(op, out, binary("Add", value(in[0]), value(in[1])), o.getByte(0, 0));
            case "PRELU" -> define(out, prelu(op, in));
            case "PAD" -> {
                int[] p = constants.ints(op, in[1]); // [rank][before, after]
                int appended = channelsAppended(p);
                if (appended > 0) {
                    define(out, appendChannels(value(in[0]), model.tensor(in[0]).shape()[3], appended));
                } else {
                    long[] pads = new long[p.length];
                    for (int d = 0; d < p.length / 2; d++) {
                        pads[d] = p[2 * d];
                        pads[p.length / 2 + d] = p[2 * d + 1];
                    }
                    String padsName = temporary();
                    graph.longInitializer(padsName, pads);
                    String y = temporary();
                    graph.node("Pad", List.of(value(in[0]), padsName), y).text("mode", "constant").add();
                    define(out, y);
                }
            }
            case "RESIZE_BILINEAR" -> {
                int[] size = constants.ints(op, in[1]);
                int[] shape = model.tensor(in[0]).shape();
                String sizes = temporary();
                graph.longInitializer(sizes, new long[] {shape[0], shape[3], size[0], size[1]});
                String mode = o.getBool(RESIZE_ALIGN_CORNERS) ? "align_corners"
                        : o.getBool(RESIZE_HALF_PIXEL) ? "half_pixel" : "asymmetric";
                String y = temporary();
                graph.node("Resize", List.of(transposed(value(in[0]), TO_NCHW), "", "", sizes), y)
                        .text("mode", "linear").text("coordinate_transformation_mode", mode).add();
                define(out, transposed(y, TO_NHWC));
            }
            case "RESHAPE" -> define(out, reshape(value(in[0]), model.tensor(out).shape()));
            case "CONCATENATION" -> {
                List<String> parts = new ArrayList<>();
                for (int tensor : in) {
                    parts.add(value(tensor));
                }
                int axis = o.getInt(0, 0);
                String y = temporary();
                graph.node("Concat", parts, y).integer("axis", axis).add();
                finish(op, out, y, o.getByte(1, 0));
            }
            case "MEAN" -> {
                int[] axes = constants.ints(op, in[1]);
                String y = temporary();
                graph.node("ReduceMean", List.of(value(in[0])), y).ints("axes", longs(axes))
                        .integer("keepdims", o.getBool(0) ? 1 : 0).add();
                define(out, y);
            }
            case "FULLY_CONNECTED" -> {
                int[] w = model.tensor(in[1]).shape(); // out, in
                String x = reshape(value(in[0]), new int[] {-1, w[1]});
                List<String> gemmInputs = new ArrayList<>(List.of(x, constant(constants.weights(op, in[1]), w[0], w[1])));
                if (in.length > 2 && in[2] >= 0) {
                    gemmInputs.add(constant(constants.weights(op, in[2]), w[0]));
                }
                String y = temporary();
                graph.node("Gemm", gemmInputs, y).integer("transB", 1).add();
                finish(op, out, reshape(activation(op, y, o.getByte(0, 0)), model.tensor(out).shape()), 0);
            }
            case "LOGISTIC" -> define(out, unary("Sigmoid", value(in[0])));
            case "RELU" -> define(out, unary("Relu", value(in[0])));
            case "RELU6" -> define(out, activation(op, value(in[0]), 3));
            case "TANH" -> define(out, unary("Tanh", value(in[0])));
            default -> throw unsupported(op, "operator not supported");
        }
    }

    /**
     * PReLU with per-channel slopes a as a*x + (1-a)*relu(x): two 1x1 depthwise convolutions, the second
     * summing into the first. ONNX Runtime keeps those and the Relu in its blocked NCHWc layout; its
     * PRelu kernel would leave that layout and reorder the tensor twice around every PReLU.
     */
    private String prelu(TfliteOperator op, int[] in) {
        float[] slopes = constants.weights(op, in[1]);
        int[] shape = model.tensor(in[0]).shape();
        int channels = shape[shape.length - 1];
        if (shape.length != 4 || slopes.length != channels) {
            String y = temporary();
            graph.node("PRelu", List.of(value(in[0]), value(in[1])), y).add();
            return y;
        }
        float[] rest = new float[channels];
        for (int c = 0; c < channels; c++) {
            rest[c] = 1 - slopes[c];
        }
        String x = transposed(value(in[0]), TO_NCHW);
        String scaled = temporary();
        graph.node("Conv", List.of(x, constant(slopes, channels, 1, 1, 1)), scaled).ints("kernel_shape", 1, 1)
                .integer("group", channels).add();
        String positive = temporary();
        graph.node("Conv", List.of(unary("Relu", x), constant(rest, channels, 1, 1, 1)), positive)
                .ints("kernel_shape", 1, 1).integer("group", channels).add();
        return transposed(binary("Add", positive, scaled), TO_NHWC);
    }

    /** How many zero channels a 4-D PAD appends after the last channel, if that is all it does; else 0. */
    private static int channelsAppended(int[] paddings) {
        if (paddings.length != 8) {
            return 0;
        }
        for (int i = 0; i < 7; i++) {
            if (paddings[i] != 0) {
                return 0;
            }
        }
        return paddings[7];
    }

    /**
     * Zero channels appended as a 1x1 convolution with identity weights (exact: each output is one
     * input times 1, or 0): ONNX Runtime keeps it, and the residual Add after it, in its blocked
     * layout, where a Pad would be reordered out of it and back.
     */
    private String appendChannels(String x, int channels, int added) {
        float[] identity = new float[(channels + added) * channels];
        for (int c = 0; c < channels; c++) {
            identity[c * channels + c] = 1;
        }
        String y = temporary();
        graph.node("Conv", List.of(transposed(x, TO_NCHW), constant(identity, channels + added, channels, 1, 1)), y)
                .ints("kernel_shape", 1, 1).add();
        return transposed(y, TO_NHWC);
    }

    private void convolution(TfliteOperator op, int[] in, int out, String filter, int kh, int kw, int groups,
                             int sh, int sw, int dh, int dw, int padding, int activation) {
        List<String> inputs = new ArrayList<>(List.of(transposed(value(in[0]), TO_NCHW), filter));
        if (in.length > 2 && in[2] >= 0) {
            float[] bias = constants.weights(op, in[2]);
            inputs.add(constant(bias, bias.length));
        }
        String y = temporary();
        graph.node("Conv", inputs, y).ints("kernel_shape", kh, kw).ints("strides", sh, sw).ints("dilations", dh, dw)
                .integer("group", groups).ints("pads", pads(op, in[0], kh, kw, sh, sw, dh, dw, padding)).add();
        // The activation on NCHW, before the transpose, so ONNX Runtime can fuse it into the convolution.
        define(out, transposed(activation(op, y, activation), TO_NHWC));
    }

    /** TensorFlow's SAME padding (the odd pixel after) as ONNX's explicit [top, left, bottom, right]. */
    private long[] pads(TfliteOperator op, int input, int kh, int kw, int sh, int sw, int dh, int dw, int padding) {
        if (padding == 1) {
            return new long[] {0, 0, 0, 0};
        }
        if (padding != 0) {
            throw unsupported(op, "padding " + padding);
        }
        int[] shape = model.tensor(input).shape();
        long h = samePad(shape[1], kh, sh, dh), w = samePad(shape[2], kw, sw, dw);
        return new long[] {h / 2, w / 2, h - h / 2, w - w / 2};
    }

    private static long samePad(int size, int kernel, int stride, int dilation) {
        int out = (size + stride - 1) / stride;
        return Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0);
    }

    private void finish(TfliteOperator op, int out, String y, int activation) {
        define(out, activation(op, y, activation));
    }

    private String activation(TfliteOperator op, String y, int code) {
        return switch (code) {
            case 0 -> y;
            case 1 -> unary("Relu", y);
            case 2 -> clip(y, -1f, 1f);
            case 3 -> clip(y, 0f, 6f);
            case 4 -> unary("Tanh", y);
            default -> throw unsupported(op, "fused activation " + code);
        };
    }

    private String clip(String x, float low, float high) {
        String y = temporary();
        graph.node("Clip", List.of(x, scalar(low), scalar(high)), y).add();
        return y;
    }

    private String scalar(float value) {
        String name = temporary();
        graph.floatInitializer(name, new long[0], new float[] {value});
        return name;
    }

    private String unary(String opType, String x) {
        String y = temporary();
        graph.node(opType, List.of(x), y).add();
        return y;
    }

    private String binary(String opType, String a, String b) {
        String y = temporary();
        graph.node(opType, List.of(a, b), y).add();
        return y;
    }

    private String transposed(String x, long[] permutation) {
        String y = temporary();
        graph.node("Transpose", List.of(x), y).ints("perm", permutation).add();
        return y;
    }

    private String reshape(String x, int[] shape) {
        String shapeName = temporary();
        graph.longInitializer(shapeName, longs(shape));
        String y = temporary();
        graph.node("Reshape", List.of(x, shapeName), y).add();
        return y;
    }

    /** The ONNX value holding a TFLite tensor: computed, or a constant declared on first use. */
    private String value(int tensor) {
        String known = values.get(tensor);
        if (known != null) {
            return known;
        }
        float[] data = constants.floats(tensor);
        if (data == null) {
            throw new ConversionException("tensor " + tensor + " '" + model.tensor(tensor).name()
                    + "' is used before any operator produces it");
        }
        String name = constant(data, model.tensor(tensor).shape());
        values.put(tensor, name);
        return name;
    }

    private void define(int tensor, String y) {
        if (values.putIfAbsent(tensor, y) != null) {
            throw new ConversionException("tensor " + tensor + " is written a second time");
        }
    }

    private String constant(float[] data, int... shape) {
        String name = temporary();
        graph.floatInitializer(name, longs(shape), data);
        return name;
    }

    private String temporary() {
        return "v" + temporaries++;
    }

    private static long[] longs(int[] shape) {
        return Arrays.stream(shape).asLongStream().toArray();
    }
}
