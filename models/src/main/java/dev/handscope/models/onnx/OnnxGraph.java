package dev.handscope.models.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one ONNX model (a single graph of standard-domain operators, float32 tensors) and writes it
 * in ONNX's protobuf encoding. Only the messages and fields a converted TFLite graph needs; field
 * numbers are those of onnx.proto (IR version 8).
 */
public final class OnnxGraph {
    /** ONNX IR version 8 pairs with operator sets up to 17 (ONNX 1.12). */
    static final long IR_VERSION = 8;
    static final long OPSET = 17;
    static final int FLOAT = 1, INT64 = 7;
    private static final int ATTRIBUTE_INT = 2, ATTRIBUTE_STRING = 3, ATTRIBUTE_INTS = 7;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private final List<byte[]> metadata = new ArrayList<>();
    private int nodeCount;

    /** One operator; attributes are added on the returned node before the next node is begun. */
    public Node node(String opType, List<String> nodeInputs, String output) {
        return new Node(opType, nodeInputs, output);
    }

    /** A float32 constant. */
    public void floatInitializer(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        initializers.add(tensor(name, dims, FLOAT, raw.array()));
    }

    /** An int64 constant (shapes, paddings). */
    public void longInitializer(String name, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        initializers.add(tensor(name, new long[] {values.length}, INT64, raw.array()));
    }

    public void input(String name, long[] shape) {
        inputs.add(valueInfo(name, shape));
    }

    public void output(String name, long[] shape) {
        outputs.add(valueInfo(name, shape));
    }

    /** A key-value pair in the model's metadata (ONNX Runtime reads it back as custom metadata). */
    public void metadata(String key, String value) {
        metadata.add(new Message().string(1, key).string(2, value).bytes());
    }

    /** The whole model, serialised. */
    public byte[] toBytes(String producer, String producerVersion, String graphName) {
        Message graph = new Message();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        Message opset = new Message().string(1, "").int64(2, OPSET);
        Message model = new Message().int64(1, IR_VERSION).string(2, producer).string(3, producerVersion)
                .message(7, graph.bytes()).message(8, opset.bytes());
        metadata.forEach(entry -> model.message(14, entry));
        return model.bytes();
    }

    private static byte[] tensor(String name, long[] dims, int type, byte[] raw) {
        Message tensor = new Message();
        for (long d : dims) {
            tensor.int64(1, d);
        }
        return tensor.int64(2, type).string(8, name).raw(9, raw).bytes();
    }

    private static byte[] valueInfo(String name, long[] shape) {
        Message dims = new Message();
        for (long d : shape) {
            dims.message(1, new Message().int64(1, d).bytes());
        }
        Message tensorType = new Message().int64(1, FLOAT).message(2, dims.bytes());
        Message type = new Message().message(1, tensorType.bytes());
        return new Message().string(1, name).message(2, type.bytes()).bytes();
    }

    /** One node being described; {@link #add()} puts it in the graph. */
    public final class Node {
        private final Message message = new Message();
        private final List<byte[]> attributes = new ArrayList<>();

        private Node(String opType, List<String> nodeInputs, String output) {
            nodeInputs.forEach(i -> message.string(1, i));
            message.string(2, output).string(3, opType + "_" + nodeCount++).string(4, opType);
        }

        public Node ints(String name, long... values) {
            Message attribute = new Message().string(1, name);
            for (long v : values) {
                attribute.int64(8, v);
            }
            attributes.add(attribute.int64(20, ATTRIBUTE_INTS).bytes());
            return this;
        }

        public Node integer(String name, long value) {
            attributes.add(new Message().string(1, name).int64(3, value).int64(20, ATTRIBUTE_INT).bytes());
            return this;
        }

        public Node text(String name, String value) {
            attributes.add(new Message().string(1, name).string(4, value).int64(20, ATTRIBUTE_STRING).bytes());
            return this;
        }

        public void add() {
            attributes.forEach(a -> message.message(5, a));
            nodes.add(message.bytes());
        }
    }

    /** Protobuf fields appended in order, through protobuf-java's wire encoder. */
    private static final class Message {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

        Message int64(int field, long value) {
            return write(() -> out.writeInt64(field, value));
        }

        Message string(int field, String value) {
            return write(() -> out.writeString(field, value));
        }

        Message raw(int field, byte[] value) {
            return write(() -> out.writeBytes(field, ByteString.copyFrom(value)));
        }

        Message message(int field, byte[] encoded) {
            return raw(field, encoded);
        }

        byte[] bytes() {
            write(out::flush);
            return buffer.toByteArray();
        }

        private Message write(Write write) {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory", e);
            }
            return this;
        }

        private interface Write {
            void run() throws IOException;
        }
    }
}
