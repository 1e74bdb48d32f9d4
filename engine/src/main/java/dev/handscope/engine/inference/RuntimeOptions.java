package dev.handscope.engine.inference;

/**
 * How TensorFlow runs.
 *
 * @param device         auto, cpu or gpu
 * @param intraOpThreads threads inside one operator (a convolution); default 1: on these small networks a
 *                       second thread inside a convolution costs more than it gives (measured: every
 *                       bundled model is faster at 1 than at 2 on two cores), so the second core runs
 *                       the palm detector and a second hand's landmarks beside the first instead
 * @param interOpThreads operators run side by side; 1 suits these sequential networks
 */
public record RuntimeOptions(InferenceDevice device, int intraOpThreads, int interOpThreads) {

    public RuntimeOptions {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1");
        }
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(InferenceDevice.AUTO, 1, 1);
    }

    public RuntimeOptions withDevice(InferenceDevice value) {
        return new RuntimeOptions(value, intraOpThreads, interOpThreads);
    }

    public RuntimeOptions withThreads(int intra, int inter) {
        return new RuntimeOptions(device, intra, inter);
    }
}
