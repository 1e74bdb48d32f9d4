package dev.handscope.engine.inference;

import java.util.List;

/**
 * The serving signature an adapter requires: one image input and named outputs, all float32 with
 * static shapes. A model directory whose signature differs is refused at load time, naming the
 * mismatch.
 */
public record ModelContract(String signature, TensorContract input, List<TensorContract> outputs) {

    public ModelContract {
        outputs = List.copyOf(outputs);
    }
}
