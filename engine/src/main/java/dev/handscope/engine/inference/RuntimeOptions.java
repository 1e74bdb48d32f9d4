package dev.handscope.engine.inference;

/**
 * How TensorFlow runs.
 *
 * @param device         auto, cpu or gpu
 * @param intraOpThreads threads inside one operator (a convolution); default: the number of cores
 * @param interOpThreads operators run side by side; 1 suits these sequential networks
 */
public record RuntimeOptions(InferenceDevice device, int intraOpThreads, int interOpThreads) {

    public RuntimeOptions {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1");
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(InferenceDevice.AUTO, Runtime.getRuntime().availableProcessors(), 1);
    }

    public RuntimeOptions withDevice(InferenceDevice value) {
        return new RuntimeOptions(value, intraOpThreads, interOpThreads);
    }

    public RuntimeOptions withThreads(int intra, int inter) {
        return new RuntimeOptions(device, intra, inter);
    }
}
