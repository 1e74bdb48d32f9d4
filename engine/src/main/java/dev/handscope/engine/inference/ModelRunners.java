package dev.handscope.engine.inference;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Picks the runtime for a model folder (see {@link ModelBackend}) and loads it there. */
public final class ModelRunners {
    private static final System.Logger LOG = System.getLogger("dev.handscope.engine.inference");
    private static final Set<Path> FALLBACKS_REPORTED = ConcurrentHashMap.newKeySet();

    private ModelRunners() {
    }

    /**
     * Loads {@code directory} for an adapter with {@code contract}.
     *
     * @throws ModelLoadException naming the folder and the problem; with {@code auto}, an ONNX graph
     *                            that cannot be used is reported once and TensorFlow runs the SavedModel
     */
    public static ModelRunner load(Path directory, ModelContract contract, RuntimeOptions options)
            throws ModelLoadException {
        return switch (options.backend()) {
            case TENSORFLOW -> SavedModelRunner.load(directory, contract, options);
            case ONNX -> {
                if (options.device() == InferenceDevice.GPU) {
                    throw new ModelLoadException("--backend onnx runs on the CPU only (HandScope bundles ONNX "
                            + "Runtime's CPU build): use --device cpu, or --backend tensorflow for the GPU.");
                }
                yield OnnxModelRunner.load(directory, contract, options);
            }
            case AUTO -> {
                if (!OnnxModelRunner.offered(directory) || TensorFlowRuntime.resolve(options.device()) != InferenceDevice.CPU) {
                    yield SavedModelRunner.load(directory, contract, options);
                }
                try {
                    yield OnnxModelRunner.load(directory, contract, options);
                } catch (ModelLoadException e) {
                    if (FALLBACKS_REPORTED.add(directory.toAbsolutePath().normalize())) {
                        LOG.log(System.Logger.Level.WARNING, e.getMessage() + " Running its SavedModel on TensorFlow.");
                    }
                    yield SavedModelRunner.load(directory, contract, options);
                }
            }
        };
    }
}
