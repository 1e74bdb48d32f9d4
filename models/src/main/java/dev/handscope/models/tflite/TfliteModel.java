package dev.handscope.models.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TFLite model (FlatBuffer, schema v3) read into plain Java: the first subgraph's tensors, with
 * their constant data, and its operators in execution order.
 */
public final class TfliteModel {
    private static final int SCHEMA_VERSION = 3;
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private final String description;
    private final List<TfliteTensor> tensors;
    private final List<TfliteOperator> operators;
    private final int[] inputs;
    private final int[] outputs;

    private TfliteModel(String description, List<TfliteTensor> tensors, List<TfliteOperator> operators,
                        int[] inputs, int[] outputs) {
        this.description = description;
        this.tensors = tensors;
        this.operators = operators;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** Reads a .tflite file; a file that is not one fails with a message naming it. */
    public static TfliteModel read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new TfliteFormatException(file + ": " + Files.size(file) + " bytes, more than a TFLite model "
                    + "(FlatBuffer, at most 2 GB) can be");
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(ByteBuffer.wrap(bytes));
        } catch (TfliteFormatException e) {
            throw new TfliteFormatException(file + ": not a valid TFLite model: " + e.getMessage());
        }
    }

    public static TfliteModel parse(ByteBuffer buffer) {
        if (buffer.remaining() < 8 || buffer.get(4) != 'T' || buffer.get(5) != 'F' || buffer.get(6) != 'L'
                || buffer.get(7) != '3') {
            throw new TfliteFormatException("missing the TFL3 file identifier");
        }
        FlatTable model = FlatTable.root(buffer);
        int version = model.getInt(0, 0);
        if (version != SCHEMA_VERSION) {
            throw new TfliteFormatException("schema version " + version + ", expected " + SCHEMA_VERSION);
        }
        int[] codes = new int[model.vectorLength(1)];
        for (int i = 0; i < codes.length; i++) {
            FlatTable code = model.getTableElement(1, i);
            // Newer files keep small codes in the deprecated byte field and the real one beside it.
            codes[i] = Math.max(code.getByte(0, 0), code.getInt(3, 0));
        }
        if (model.vectorLength(2) < 1) {
            throw new TfliteFormatException("the model has no subgraph");
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < model.vectorLength(4); i++) {
            FlatTable entry = model.getTableElement(4, i);
            if (entry.getLong(1, 0) > 1) {
                throw new TfliteFormatException("buffer " + i + " is stored outside the FlatBuffer (not supported)");
            }
            buffers.add(entry.getByteVector(0));
        }
        FlatTable graph = model.getTableElement(2, 0);
        List<TfliteTensor> tensors = new ArrayList<>();
        for (int i = 0; i < graph.vectorLength(0); i++) {
            FlatTable tensor = graph.getTableElement(0, i);
            int bufferIndex = tensor.getInt(2, 0);
            if (bufferIndex < 0 || bufferIndex >= Math.max(1, buffers.size())) {
                throw new TfliteFormatException("tensor " + i + " refers to missing buffer " + bufferIndex);
            }
            ByteBuffer data = buffers.isEmpty() ? ByteBuffer.allocate(0) : buffers.get(bufferIndex);
            tensors.add(new TfliteTensor(i, tensor.getString(3), TensorType.of(tensor.getByte(1, 0)),
                    tensor.getIntVector(0), data));
        }
        List<TfliteOperator> operators = new ArrayList<>();
        for (int i = 0; i < graph.vectorLength(3); i++) {
            FlatTable op = graph.getTableElement(3, i);
            int opcode = op.getInt(0, 0);
            if (opcode < 0 || opcode >= codes.length) {
                throw new TfliteFormatException("operator " + i + " uses missing opcode " + opcode);
            }
            operators.add(new TfliteOperator(i, codes[opcode], op.getIntVector(1), op.getIntVector(2),
                    new TfliteOperator.Options(op.getTable(4))));
        }
        return new TfliteModel(model.getString(3), List.copyOf(tensors), List.copyOf(operators),
                graph.getIntVector(1), graph.getIntVector(2));
    }

    public String description() {
        return description;
    }

    public List<TfliteTensor> tensors() {
        return tensors;
    }

    public TfliteTensor tensor(int index) {
        if (index < 0 || index >= tensors.size()) {
            throw new TfliteFormatException("tensor index " + index + " outside 0.." + (tensors.size() - 1));
        }
        return tensors.get(index);
    }

    public List<TfliteOperator> operators() {
        return operators;
    }

    public int[] inputs() {
        return inputs.clone();
    }

    public int[] outputs() {
        return outputs.clone();
    }
}
