package dev.handscope.models.convert;

/** Weights moved between the runtimes' layouts: TFLite's OHWI filters into TensorFlow's and ONNX's. */
final class WeightLayouts {
    private WeightLayouts() {
    }

    /**
     * {@code data} of {@code shape}, reordered so that output dimension {@code k} is input dimension
     * {@code order[k]} (NumPy's {@code transpose(order)}), row-major in and out.
     */
    static float[] permute(float[] data, int[] shape, int... order) {
        int rank = shape.length;
        int[] inStrides = new int[rank];
        for (int d = rank - 1, stride = 1; d >= 0; stride *= shape[d], d--) {
            inStrides[d] = stride;
        }
        int[] outShape = new int[rank];
        int[] strideOf = new int[rank]; // input stride of each output dimension
        for (int k = 0; k < rank; k++) {
            outShape[k] = shape[order[k]];
            strideOf[k] = inStrides[order[k]];
        }
        float[] out = new float[data.length];
        int[] index = new int[rank];
        int source = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = data[source];
            for (int k = rank - 1; k >= 0; k--) { // odometer over the output's indices
                index[k]++;
                source += strideOf[k];
                if (index[k] < outShape[k]) {
                    break;
                }
                source -= strideOf[k] * outShape[k];
                index[k] = 0;
            }
        }
        return out;
    }
}
