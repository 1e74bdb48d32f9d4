package dev.handscope.engine.inference;

import java.util.concurrent.atomic.AtomicBoolean;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/** Device choice and session settings for TensorFlow, reported once per run. */
public final class TensorFlowRuntime {
    private static final System.Logger LOG = System.getLogger("dev.handscope.engine.inference");
    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();
    private static volatile Boolean gpuPresent;

    private TensorFlowRuntime() {
    }

    /**
     * The device models will run on: {@code auto} is the GPU when one answers, else the CPU;
     * {@code gpu} without a usable GPU is an error rather than a silent fallback.
     */
    public static InferenceDevice resolve(InferenceDevice requested) throws ModelLoadException {
        return switch (requested) {
            case CPU -> InferenceDevice.CPU;
            case GPU -> {
                if (!gpuAvailable()) {
                    throw new ModelLoadException("--device gpu: no usable GPU (this build has "
                            + (gpuNativesBundled() ? "the GPU natives, but no CUDA device answered: check the NVIDIA "
                            + "driver, CUDA 12 and cuDNN 9 on the library path" : "the CPU natives: build with -Pgpu")
                            + "). Use --device cpu or auto.");
                }
                yield InferenceDevice.GPU;
            }
            case AUTO -> {
                if (gpuAvailable()) {
                    yield InferenceDevice.GPU;
                }
                if (gpuNativesBundled() && FALLBACK_REPORTED.compareAndSet(false, true)) {
                    LOG.log(System.Logger.Level.WARNING, "this is HandScope's GPU build, but no CUDA device answered"
                            + " (needs the NVIDIA driver, and CUDA 12 and cuDNN 9 libraries on the library path):"
                            + " running on the CPU");
                }
                yield InferenceDevice.CPU;
            }
        };
    }

    /** Session settings for a resolved device. */
    static ConfigProto config(InferenceDevice device, RuntimeOptions options) {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(options.intraOpThreads(false))
                .setInterOpParallelismThreads(options.interOpThreads())
                // Each session its own pools: the palm detector and a second hand's landmarks run beside
                // the first hand's, which a process-wide pool would queue behind one another.
                .setUsePerSessionThreads(true)
                .setAllowSoftPlacement(true);
        if (device == InferenceDevice.CPU) {
            config.putDeviceCount("GPU", 0);
        }
        return config.build();
    }

    /** One line for logs and the UI: TensorFlow version, device and threads. */
    public static String describe(InferenceDevice device, RuntimeOptions options) {
        return "TensorFlow " + TensorFlow.version() + " on " + device.name() + ", " + options.intraOpThreads(false)
                + " intra-op / " + options.interOpThreads() + " inter-op threads";
    }

    static void reportOnce(InferenceDevice device, RuntimeOptions options) {
        if (REPORTED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, describe(device, options));
        }
    }

    /** Whether the bundled natives are TensorFlow's CUDA build (the -Pgpu profile). */
    public static boolean gpuNativesBundled() {
        return TensorFlowRuntime.class.getClassLoader()
                .getResource("org/tensorflow/internal/c_api/linux-x86_64-gpu/") != null;
    }

    /** Whether a GPU answers: a constant pinned to GPU 0 runs without soft placement. */
    public static boolean gpuAvailable() {
        Boolean known = gpuPresent;
        if (known != null) {
            return known;
        }
        boolean present = false;
        if (gpuNativesBundled()) {
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph).withDevice(DeviceSpec.newBuilder()
                        .deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
                var probe = tf.constant(1f);
                try (Session session = new Session(graph, ConfigProto.newBuilder().setAllowSoftPlacement(false).build());
                     var result = session.runner().fetch(probe).run()) {
                    present = result.size() == 1;
                }
            } catch (RuntimeException e) {
                present = false;
            }
        }
        gpuPresent = present;
        return present;
    }
}
