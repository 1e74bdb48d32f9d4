package dev.handscope.engine.testmodels;

import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * SavedModels whose outputs are known tensors (constants + 0 x the input's sum, so they run on the
 * input), for end-to-end tests of every model family; the app's tests use them too.
 */
public final class ConstantModels {
    /** One output: its shape and values (row-major). */
    public record Output(long[] shape, float[] values) {
    }

    private ConstantModels() {
    }

    /** A model with a square input named "image". */
    public static Path export(Path dir, int inputSide, Map<String, Output> outputs) throws Exception {
        return export(dir, "image", inputSide, inputSide, outputs);
    }

    /** A model with a [1, height, width, 3] input named {@code inputName}. */
    public static Path export(Path dir, String inputName, int height, int width, Map<String, Output> outputs)
            throws Exception {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> image = tf.withName(inputName).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, height, width, 3)));
            Operand<TFloat32> zero = tf.math.mul(tf.sum(image, tf.constant(new int[] {0, 1, 2, 3})), tf.constant(0f));
            Signature.Builder signature = Signature.builder().key("serving_default").input(inputName, image);
            for (Map.Entry<String, Output> entry : outputs.entrySet()) {
                Output output = entry.getValue();
                Operand<TFloat32> constant = tf.reshape(tf.constant(output.values()), tf.constant(output.shape()));
                signature.output(entry.getKey(), tf.withName(entry.getKey()).math.add(constant, zero));
            }
            try (Session session = new Session(graph)) {
                SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(signature.build()).export();
            }
        }
        return dir;
    }
}
