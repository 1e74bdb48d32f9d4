package dev.handscope.engine.inference;

/**
 * How models run.
 *
 * @param device         auto, cpu or gpu
 * @param intraOpThreads threads inside one operator (a convolution) for a model that has the cores to
 *                       itself, or {@link #AUTO_THREADS}: 2 on ONNX Runtime where there are two cores,
 *                       1 on TensorFlow (whose second thread costs more than it gives on these small
 *                       networks). A model running beside another (the palm detector beside tracking, a
 *                       second hand beside the first) uses one thread on ONNX Runtime, so each has a core
 * @param interOpThreads operators run side by side; 1 suits these sequential networks
 * @param backend        which runtime: auto, tensorflow or onnx
 */
public record RuntimeOptions(InferenceDevice device, int intraOpThreads, int interOpThreads, ModelBackend backend) {
    public static final int AUTO_THREADS = 0;

    public RuntimeOptions {
        if (intraOpThreads < AUTO_THREADS || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1 (or auto for intra-op threads)");
        }
        if (device == null || backend == null) {
            throw new IllegalArgumentException("a device and a backend are needed");
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(InferenceDevice.AUTO, AUTO_THREADS, 1, ModelBackend.AUTO);
    }

    /** The intra-op threads a model on TensorFlow ({@code onnx} false) or ONNX Runtime runs with alone. */
    public int intraOpThreads(boolean onnx) {
        if (intraOpThreads != AUTO_THREADS) {
            return intraOpThreads;
        }
        return onnx ? Math.min(2, Runtime.getRuntime().availableProcessors()) : 1;
    }

    public RuntimeOptions withDevice(InferenceDevice value) {
        return new RuntimeOptions(value, intraOpThreads, interOpThreads, backend);
    }

    public RuntimeOptions withThreads(int intra, int inter) {
        return new RuntimeOptions(device, intra, inter, backend);
    }

    public RuntimeOptions withBackend(ModelBackend value) {
        return new RuntimeOptions(device, intraOpThreads, interOpThreads, value);
    }
}
