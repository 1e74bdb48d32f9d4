package dev.handscope.engine.inference;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The serving signature an adapter requires: one image input and named outputs, all float32 with
 * static shapes. A model directory whose signature differs is refused at load time, naming the
 * mismatch.
 */
public record ModelContract(String signature, TensorContract input, List<TensorContract> outputs) {

    public ModelContract {
        outputs = List.copyOf(outputs);
    }

    /** The output named {@code name}, when the signature has one. */
    public Optional<TensorContract> output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** The output named {@code name}, or an error naming {@code directory} and the outputs it does have. */
    public TensorContract requireOutput(Path directory, String name) throws ModelLoadException {
        return output(name).orElseThrow(() -> new ModelLoadException(directory + ": the signature has no output '"
                + name + "' (its outputs: " + outputs.stream().map(TensorContract::name).toList() + ")"));
    }
}
