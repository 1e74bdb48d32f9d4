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
     * Whether loading {@code directory} with {@code options} will start TensorFlow: then its native
     * libraries (hundreds of MB, unpacked on a first start) are loaded first. Decided from the folder
     * and the options alone, without loading anything; a {@code model.onnx} refused on loading still
     * falls back to TensorFlow, which then loads its libraries itself.
     */
    public static boolean needsTensorFlow(Path directory, RuntimeOptions options) {
        return needsTensorFlow(OnnxModelRunner.offered(directory), options);
    }

    /** The same for a folder known to hold ({@code onnxOffered}) or lack a {@code model.onnx}, such as a bundled one. */
    public static boolean needsTensorFlow(boolean onnxOffered, RuntimeOptions options) {
        return switch (options.backend()) {
            case TENSORFLOW -> true;
            case ONNX -> false;
            // auto: the GPU build may find a GPU (and asking means starting TensorFlow)
            case AUTO -> !onnxOffered || (options.device() != InferenceDevice.CPU && TensorFlowRuntime.gpuNativesBundled());
        };
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
