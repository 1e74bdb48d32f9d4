package dev.handscope.engine.inference;

import java.util.Arrays;

/**
 * What an adapter needs of one signature tensor: its name and static float32 shape.
 */
public record TensorContract(String name, long... shape) {

    public int elementCount() {
        long count = 1;
        for (long dimension : shape) {
            count *= dimension;
        }
        return Math.toIntExact(count);
    }

    @Override
    public String toString() {
        return name + " float32 " + Arrays.toString(shape);
    }
}
