package dev.handscope.engine.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/**
 * Runs one SavedModel on TensorFlow: checks it is safe and has the signature its adapter needs, then
 * runs it again and again on one reused input tensor, copying outputs into reused arrays. Not
 * thread-safe: one runner per inference thread.
 */
public final class SavedModelRunner implements ModelRunner {
    private static final String TAG = "serve";

    private final ModelContract contract;
    private final SavedModelBundle bundle;
    private final Session session;
    private final InferenceDevice device;
    private final String inputName;
    private final String[] outputNames;
    private final TFloat32 inputTensor;
    private final FloatDataBuffer inputBuffer;
    private final float[] input;
    private final float[][] outputs;
    private final long loadNanos;
    private final String description;
    private final int intraOpThreads;

    private SavedModelRunner(ModelContract contract, SavedModelBundle bundle, InferenceDevice device,
                             String inputName, String[] outputNames, long loadNanos, String description,
                             int intraOpThreads) {
        this.contract = contract;
        this.bundle = bundle;
        this.session = bundle.session();
        this.device = device;
        this.inputName = inputName;
        this.outputNames = outputNames;
        this.inputTensor = TFloat32.tensorOf(Shape.of(contract.input().shape()));
        this.inputBuffer = inputTensor.asRawTensor().data().asFloats();
        this.input = new float[contract.input().elementCount()];
        this.outputs = contract.outputs().stream().map(o -> new float[o.elementCount()]).toArray(float[][]::new);
        this.loadNanos = loadNanos;
        this.description = description;
        this.intraOpThreads = intraOpThreads;
    }

    /**
     * Loads a SavedModel directory for an adapter.
     *
     * @throws ModelLoadException naming the directory and the problem: missing or malformed files,
     *                            a forbidden operator, a signature that does not match the contract
     */
    public static SavedModelRunner load(Path directory, ModelContract contract, RuntimeOptions options)
            throws ModelLoadException {
        long start = System.nanoTime();
        SavedModel proto = readProto(directory);
        GraphSafety.check(directory, proto);
        SignatureDef signature = signature(directory, proto, contract.signature());
        String inputName = tensorName(directory, signature.getInputsMap(), contract.input(), "input");
        String[] outputNames = new String[contract.outputs().size()];
        for (int i = 0; i < outputNames.length; i++) {
            outputNames[i] = tensorName(directory, signature.getOutputsMap(), contract.outputs().get(i), "output");
        }
        InferenceDevice device = TensorFlowRuntime.resolve(options.device());
        SavedModelBundle bundle;
        try {
            bundle = SavedModelBundle.loader(directory.toString()).withTags(TAG)
                    .withConfigProto(TensorFlowRuntime.config(device, options)).load();
        } catch (RuntimeException e) {
            throw new ModelLoadException(directory + ": TensorFlow cannot load this SavedModel: " + e.getMessage(), e);
        }
        TensorFlowRuntime.reportOnce(device, options);
        return new SavedModelRunner(contract, bundle, device, inputName, outputNames, System.nanoTime() - start,
                TensorFlowRuntime.describe(device, options), options.intraOpThreads(false));
    }

    /**
     * The contract a model directory offers: its signature's single input and all its outputs (by
     * name), for tools that run any model (benchmarks, comparisons) rather than a known adapter.
     */
    public static ModelContract describe(Path directory, String signatureKey) throws ModelLoadException {
        SignatureDef signature = signature(directory, readProto(directory), signatureKey);
        if (signature.getInputsCount() != 1) {
            throw new ModelLoadException(directory + ": signature '" + signatureKey + "' has "
                    + signature.getInputsCount() + " inputs; HandScope runs single-input models");
        }
        Map.Entry<String, TensorInfo> input = signature.getInputsMap().entrySet().iterator().next();
        List<TensorContract> outputs = signature.getOutputsMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new TensorContract(e.getKey(), dims(e.getValue()))).toList();
        return new ModelContract(signatureKey, new TensorContract(input.getKey(), dims(input.getValue())), outputs);
    }

    private static long[] dims(TensorInfo info) {
        return info.getTensorShape().getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
    }

    private static SavedModel readProto(Path directory) throws ModelLoadException {
        Path pb = directory.resolve("saved_model.pb");
        if (!Files.isDirectory(directory)) {
            throw new ModelLoadException(directory + ": no such model directory");
        }
        if (!Files.isRegularFile(pb)) {
            throw new ModelLoadException(directory + ": no saved_model.pb, so not a SavedModel directory. "
                    + "Convert a .tflite model with 'handscope convert IN.tflite OUT_DIR'.");
        }
        try {
            return SavedModel.parseFrom(Files.readAllBytes(pb));
        } catch (IOException e) {
            throw new ModelLoadException(pb + ": malformed or truncated (" + e.getMessage() + ")", e);
        }
    }

    private static SignatureDef signature(Path directory, SavedModel proto, String key) throws ModelLoadException {
        for (MetaGraphDef meta : proto.getMetaGraphsList()) {
            if (meta.getMetaInfoDef().getTagsList().contains(TAG)) {
                SignatureDef signature = meta.getSignatureDefMap().get(key);
                if (signature == null) {
                    throw new ModelLoadException(directory + ": no signature '" + key + "' (it has "
                            + meta.getSignatureDefMap().keySet() + ")");
                }
                return signature;
            }
        }
        throw new ModelLoadException(directory + ": no meta graph tagged '" + TAG + "'");
    }

    /** Checks one signature tensor against the contract and returns its graph tensor name. */
    private static String tensorName(Path directory, Map<String, TensorInfo> tensors, TensorContract wanted,
                                     String role) throws ModelLoadException {
        TensorInfo info = tensors.get(wanted.name());
        if (info == null) {
            throw new ModelLoadException(directory + ": the signature has no " + role + " '" + wanted.name()
                    + "' (its " + role + "s: " + tensors.keySet() + ")");
        }
        if (info.getDtype() != DataType.DT_FLOAT) {
            throw new ModelLoadException(directory + ": " + role + " '" + wanted.name() + "' is " + info.getDtype()
                    + ", expected float32");
        }
        long[] shape = dims(info);
        if (!Arrays.equals(shape, wanted.shape())) {
            throw new ModelLoadException(directory + ": " + role + " '" + wanted.name() + "' has shape "
                    + Arrays.toString(shape) + ", expected " + Arrays.toString(wanted.shape()));
        }
        return info.getName();
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public void run() {
        inputBuffer.write(input);
        Session.Runner runner = session.runner().feed(inputName, inputTensor);
        for (String name : outputNames) {
            runner.fetch(name);
        }
        try (Result result = runner.run()) {
            for (int i = 0; i < outputNames.length; i++) {
                Tensor tensor = result.get(i);
                tensor.asRawTensor().data().asFloats().read(outputs[i]);
            }
        }
    }

    /**
     * Where one run's time goes: per operator type (after TensorFlow's graph rewrites, e.g.
     * {@code _MklNativeFusedConv2D}), its total milliseconds per run over {@code runs} traced runs, largest
     * first. Tracing slows every op a little; read the shares, not the sums.
     */
    public java.util.LinkedHashMap<String, Double> profile(int runs) {
        java.util.Map<String, Long> micros = new java.util.HashMap<>();
        org.tensorflow.proto.RunOptions trace = org.tensorflow.proto.RunOptions.newBuilder()
                .setTraceLevel(org.tensorflow.proto.RunOptions.TraceLevel.FULL_TRACE).build();
        inputBuffer.write(input);
        for (int run = 0; run < runs; run++) {
            Session.Runner runner = session.runner().feed(inputName, inputTensor).setOptions(trace);
            for (String name : outputNames) {
                runner.fetch(name);
            }
            try (Result result = runner.runAndFetchMetadata()) {
                result.getMetadata().ifPresent(metadata -> metadata.getStepStats().getDevStatsList()
                        .forEach(device -> device.getNodeStatsList().forEach(node ->
                                micros.merge(opType(node.getTimelineLabel(), node.getNodeName()),
                                        node.getAllEndRelMicros(), Long::sum))));
            }
        }
        java.util.LinkedHashMap<String, Double> perRun = new java.util.LinkedHashMap<>();
        micros.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> perRun.put(e.getKey(), e.getValue() / 1000.0 / runs));
        return perRun;
    }

    /** The operator type in a trace's timeline label ("name = Type(inputs)"), else the node's name. */
    private static String opType(String label, String node) {
        int equals = label.indexOf("= ");
        if (equals < 0) {
            return node;
        }
        String type = label.substring(equals + 2);
        int paren = type.indexOf('(');
        return paren < 0 ? type : type.substring(0, paren);
    }

    /** Output {@code index} in contract order, as of the last run. */
    @Override
    public float[] output(int index) {
        return outputs[index];
    }

    @Override
    public InferenceDevice device() {
        return device;
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
        return description;
    }

    @Override
    public int intraOpThreads() {
        return intraOpThreads;
    }

    /** TensorFlow's session keeps its thread settings (one intra-op thread by default anyway). */
    @Override
    public void besideOthers(boolean shared) {
        // nothing to change
    }

    @Override
    public void close() {
        inputTensor.close();
        bundle.close();
    }
}
