package dev.handscope.engine.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one HandScope-converted model on ONNX Runtime's CPU kernels: the {@value #FILE} beside its
 * SavedModel, which must name that SavedModel's sha256 in its metadata (so a stale or foreign graph is
 * never run in its place). Input and outputs live in direct buffers the session reads and writes in
 * place, copied to and from reused arrays. Not thread-safe: one runner per inference thread.
 *
 * <p>Two sessions of the graph: one with the intra-op threads a model gets alone (2 on two cores),
 * and, from the first time the runner is told it runs beside other models, one with a single
 * thread. Two models each spreading over both cores of a two-core machine slow each other down
 * more than they gain (measured: two hands 95 fps on one thread each, 61 on two).
 */
public final class OnnxModelRunner implements ModelRunner {
    public static final String FILE = "model.onnx";
    /** Written by the converter: the sha256 of the saved_model.pb this graph was converted beside. */
    public static final String SAVED_MODEL_SHA256 = "handscope.saved_model_sha256";

    private final Path directory;
    private final ModelContract contract;
    private final OrtSession alone;
    private final int aloneThreads;
    private boolean besideOthers;
    private OrtSession beside;
    private final byte[] graph;
    private final RuntimeOptions options;
    private final float[] input;
    private final FloatBuffer inputBuffer;
    private final OnnxTensor inputTensor;
    private final Map<String, OnnxTensor> inputs;
    private final float[][] outputs;
    private final FloatBuffer[] outputBuffers;
    private final Map<String, OnnxTensor> pinnedOutputs = new LinkedHashMap<>();
    private final long loadNanos;

    private OnnxModelRunner(Path directory, ModelContract contract, OrtSession alone, int aloneThreads, byte[] graph,
                            RuntimeOptions options, long start) throws OrtException {
        this.directory = directory;
        this.contract = contract;
        this.alone = alone;
        this.aloneThreads = aloneThreads;
        this.graph = graph;
        this.options = options;
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        this.input = new float[contract.input().elementCount()];
        this.inputBuffer = directFloats(input.length);
        this.inputTensor = OnnxTensor.createTensor(environment, inputBuffer, contract.input().shape());
        this.inputs = Map.of(contract.input().name(), inputTensor);
        List<TensorContract> wanted = contract.outputs();
        this.outputs = new float[wanted.size()][];
        this.outputBuffers = new FloatBuffer[wanted.size()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = new float[wanted.get(i).elementCount()];
            outputBuffers[i] = directFloats(outputs[i].length);
            pinnedOutputs.put(wanted.get(i).name(),
                    OnnxTensor.createTensor(environment, outputBuffers[i], wanted.get(i).shape()));
        }
        this.loadNanos = System.nanoTime() - start;
    }

    /** Whether {@code directory} offers an ONNX graph at all (it may still be refused on loading). */
    public static boolean offered(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE));
    }

    /**
     * Loads {@value #FILE} for an adapter.
     *
     * @throws ModelLoadException naming the file and the problem: missing, not converted beside this
     *                            SavedModel, unreadable by ONNX Runtime, or not matching the contract
     */
    public static OnnxModelRunner load(Path directory, ModelContract contract, RuntimeOptions options)
            throws ModelLoadException {
        long start = System.nanoTime();
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(directory + ": no " + FILE + ", so ONNX Runtime cannot run it. Convert the "
                    + ".tflite again with 'handscope convert IN.tflite OUT_DIR', or use --backend tensorflow.");
        }
        byte[] graph;
        try {
            graph = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        OrtSession session = null;
        try {
            // From bytes, not the path: a graph pointing at external data files cannot reach any.
            int threads = options.intraOpThreads(true);
            session = openSession(graph, threads, options, null);
            requireBeside(directory, session);
            requireContract(file, session.getInputInfo(), List.of(contract.input()), "input");
            requireContract(file, session.getOutputInfo(), contract.outputs(), "output");
            return new OnnxModelRunner(directory, contract, session, threads, graph, options, start);
        } catch (OrtException e) {
            close(session);
            throw new ModelLoadException(file + ": ONNX Runtime cannot load this graph: " + e.getMessage()
                    + ". Convert the .tflite again, or use --backend tensorflow.", e);
        } catch (ModelLoadException | RuntimeException e) {
            close(session);
            throw e;
        }
    }

    /** A session of {@code graph} on {@code threads} intra-op threads; {@code profilePrefix} non-null traces it. */
    private static OrtSession openSession(byte[] graph, int threads, RuntimeOptions options, String profilePrefix)
            throws OrtException {
        try (OrtSession.SessionOptions session = new OrtSession.SessionOptions()) {
            session.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT); // includes the NCHWc layout
            session.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            session.setIntraOpNumThreads(threads);
            session.setInterOpNumThreads(options.interOpThreads());
            // Workers spin between a run's operators (a sleeping worker costs the models a fifth of their
            // speed) but stop when the run ends, so they take no core from the work beside it.
            session.addConfigEntry("session.force_spinning_stop", "1");
            if (profilePrefix != null) {
                session.enableProfiling(profilePrefix);
            }
            return OrtEnvironment.getEnvironment().createSession(graph, session);
        }
    }

    private static void requireBeside(Path directory, OrtSession session) throws OrtException, ModelLoadException {
        String recorded = session.getMetadata().getCustomMetadataValue(SAVED_MODEL_SHA256).orElse(null);
        Path savedModel = directory.resolve("saved_model.pb");
        String actual;
        try {
            actual = Files.isRegularFile(savedModel) ? sha256(savedModel) : null;
        } catch (IOException e) {
            throw new ModelLoadException(savedModel + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (recorded == null || !recorded.equals(actual)) {
            throw new ModelLoadException(directory.resolve(FILE) + ": was not converted beside this folder's "
                    + "saved_model.pb (" + (recorded == null ? "it names no SavedModel" : "the SavedModel has changed")
                    + "). Convert the .tflite again with 'handscope convert', or use --backend tensorflow.");
        }
    }

    private static void requireContract(Path file, Map<String, NodeInfo> offered, List<TensorContract> wanted,
                                        String role) throws ModelLoadException {
        for (TensorContract tensor : wanted) {
            NodeInfo node = offered.get(tensor.name());
            if (node == null) {
                throw new ModelLoadException(file + ": the graph has no " + role + " '" + tensor.name() + "' (its "
                        + role + "s: " + offered.keySet() + ")");
            }
            if (!(node.getInfo() instanceof TensorInfo info) || info.type != OnnxJavaType.FLOAT) {
                throw new ModelLoadException(file + ": " + role + " '" + tensor.name() + "' is not a float32 tensor");
            }
            if (!Arrays.equals(info.getShape(), tensor.shape())) {
                throw new ModelLoadException(file + ": " + role + " '" + tensor.name() + "' has shape "
                        + Arrays.toString(info.getShape()) + ", expected " + Arrays.toString(tensor.shape()));
            }
        }
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public void run() {
        inputBuffer.put(0, input);
        OrtSession session = besideOthers && beside != null ? beside : alone;
        try (OrtSession.Result ignored = session.run(inputs, pinnedOutputs)) {
            for (int i = 0; i < outputs.length; i++) {
                outputBuffers[i].get(0, outputs[i]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(directory + ": ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the next runs share the cores with another model. The first time they do, the
     * one-thread session is built (as long as loading took): say so while setting up.
     */
    @Override
    public void besideOthers(boolean shared) {
        if (shared && beside == null && aloneThreads > 1) {
            try {
                beside = openSession(graph, 1, options, null);
            } catch (OrtException e) {
                throw new IllegalStateException(directory + ": ONNX Runtime cannot load a second session: "
                        + e.getMessage(), e);
            }
        }
        besideOthers = shared;
    }

    @Override
    public float[] output(int index) {
        return outputs[index];
    }

    /**
     * Traces {@code runs} runs with ONNX Runtime's profiler (on a second session of the same graph)
     * and returns its trace: Chrome trace-event JSON, one event per operator run after ONNX Runtime's
     * rewrites (fused convolutions, NCHWc reorders). The caller reads it and deletes it.
     */
    public Path trace(int runs) {
        Path prefix = null;
        try {
            prefix = Files.createTempFile("handscope-onnx-profile", "");
            try (OrtSession traced = openSession(graph, aloneThreads, options, prefix.toString())) {
                for (int run = 0; run < runs; run++) {
                    traced.run(inputs, pinnedOutputs).close();
                }
                return Path.of(traced.endProfiling());
            }
        } catch (OrtException | IOException e) {
            throw new IllegalStateException(directory + ": profiling with ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(prefix);
        }
    }

    @Override
    public InferenceDevice device() {
        return InferenceDevice.CPU;
    }

    @Override
    public ModelContract contract() {
        return contract;
    }

    @Override
    public long loadNanos() {
        return loadNanos;
    }

    @Override
    public String description() {
        return "ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion() + " on CPU, " + aloneThreads
                + " intra-op / " + options.interOpThreads() + " inter-op threads"
                + (aloneThreads > 1 ? " (1 intra-op beside other models)" : "");
    }

    @Override
    public int intraOpThreads() {
        return aloneThreads;
    }

    @Override
    public void close() {
        close(alone);
        close(beside);
        inputTensor.close();
        pinnedOutputs.values().forEach(OnnxTensor::close);
    }

    private static void close(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // Nothing is left to do with a session that fails to close.
            }
        }
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // An empty temporary file left behind is harmless.
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) > 0; ) {
                digest.update(chunk, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
