package dev.handscope.engine.inference;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The TensorFlow operator types a model may contain: pure computation on tensors, what our
 * converter emits and what exported vision models use. Anything not listed is refused, because a
 * deny-list always misses an operator that reads files, starts processes or uses the network.
 */
final class PureComputeOperators {
    private static final Map<String, Set<String>> BY_KIND = Map.ofEntries(
            Map.entry("convolution and normalisation", Set.of("Conv2D", "Conv2DBackpropInput", "Conv3D",
                    "DepthwiseConv2dNative", "BiasAdd", "FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3",
                    "LRN")),
            Map.entry("pooling", Set.of("MaxPool", "MaxPoolV2", "AvgPool")),
            Map.entry("matrix products", Set.of("MatMul", "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3",
                    "Einsum")),
            Map.entry("activations", Set.of("Relu", "Relu6", "Elu", "Selu", "LeakyRelu", "Sigmoid", "Tanh",
                    "Softmax", "LogSoftmax", "Softplus", "Softsign")),
            Map.entry("elementwise math", Set.of("Add", "AddV2", "AddN", "Sub", "Mul", "RealDiv", "Div",
                    "DivNoNan", "FloorDiv", "FloorMod", "Maximum", "Minimum", "Pow", "Sqrt", "Rsqrt", "Exp",
                    "Log", "Log1p", "Neg", "Abs", "Square", "SquaredDifference", "Floor", "Ceil", "Round", "Sign",
                    "Reciprocal", "Erf", "Sin", "Cos", "ClipByValue")),
            Map.entry("comparison and selection", Set.of("Greater", "GreaterEqual", "Less", "LessEqual", "Equal",
                    "NotEqual", "LogicalAnd", "LogicalOr", "LogicalNot", "Select", "SelectV2", "Where")),
            Map.entry("reductions", Set.of("Mean", "Sum", "Max", "Min", "Prod", "ArgMax", "ArgMin", "All",
                    "Any")),
            Map.entry("shape and layout", Set.of("Reshape", "Transpose", "ConcatV2", "Concat", "Pack", "Unpack",
                    "Split", "SplitV", "Slice", "StridedSlice", "Gather", "GatherV2", "GatherNd", "Pad", "PadV2",
                    "MirrorPad", "Tile", "ExpandDims", "Squeeze", "Shape", "ShapeN", "Size", "Rank", "Fill",
                    "Range", "ZerosLike", "OnesLike", "BroadcastTo", "BroadcastArgs", "DepthToSpace",
                    "SpaceToDepth", "SpaceToBatchND", "BatchToSpaceND", "ReverseV2", "OneHot", "Cast")),
            Map.entry("image and detection", Set.of("ResizeBilinear", "ResizeNearestNeighbor", "CropAndResize",
                    "NonMaxSuppressionV3", "NonMaxSuppressionV4", "NonMaxSuppressionV5", "TopKV2")),
            Map.entry("graph plumbing", Set.of("Const", "Identity", "IdentityN", "Placeholder",
                    "PlaceholderWithDefault", "NoOp", "StopGradient")),
            // Numeric checks: they only fail the run when a tensor holds NaN or Infinity.
            Map.entry("numeric checks", Set.of("CheckNumerics", "CheckNumericsV2")),
            // Variables hold values the loader restores from the model's own variables folder.
            Map.entry("variables", Set.of("VarHandleOp", "ReadVariableOp", "VariableV2")),
            // Calls into the model's function library, whose bodies are checked like the graph.
            Map.entry("function calls", Set.of("StatefulPartitionedCall", "PartitionedCall")));

    private static final Set<String> ALLOWED = BY_KIND.values().stream().flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    /** Checkpoint operators: allowed only as the graph's own saver, which restores variables on load. */
    private static final Set<String> SAVER = Set.of("Save", "SaveV2", "SaveSlices", "Restore", "RestoreV2",
            "RestoreSlice", "MergeV2Checkpoints", "ShardedFilename", "ShardedFilespec", "StringJoin", "Assign",
            "AssignVariableOp");

    private PureComputeOperators() {
    }

    static boolean isAllowed(String op) {
        return ALLOWED.contains(op);
    }

    static boolean isSaverOnly(String op) {
        return SAVER.contains(op);
    }
}
