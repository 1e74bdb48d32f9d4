package dev.handscope.engine.inference;

/**
 * How models run.
 *
 * @param device         auto, cpu or gpu
 * @param intraOpThreads threads inside one operator (a convolution); default 1: on these small networks a
 *                       second thread inside a convolution gives little (TensorFlow: it costs more than it
 *                       gives), so the second core runs the palm detector and a second hand's landmarks
 *                       beside the first instead
 * @param interOpThreads operators run side by side; 1 suits these sequential networks
 * @param backend        which runtime: auto, tensorflow or onnx
 */
public record RuntimeOptions(InferenceDevice device, int intraOpThreads, int interOpThreads, ModelBackend backend) {

    public RuntimeOptions {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1");
        }
        if (device == null || backend == null) {
            throw new IllegalArgumentException("a device and a backend are needed");
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(InferenceDevice.AUTO, 1, 1, ModelBackend.AUTO);
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
