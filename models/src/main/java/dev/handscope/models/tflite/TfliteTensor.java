package dev.handscope.models.tflite;

import java.nio.ByteBuffer;

/**
 * A tensor of the graph: its shape and type, and its constant data when it has any.
 *
 * @param data the constant bytes (little-endian), or an empty buffer for activations
 */
public record TfliteTensor(int index, String name, TensorType type, int[] shape, ByteBuffer data) {

    public boolean isConstant() {
        return data.remaining() > 0;
    }

    public int elementCount() {
        int count = 1;
        for (int dimension : shape) {
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    /** The constant values as float32, expanding float16; for FLOAT32 and FLOAT16 tensors. */
    public float[] floats() {
        int count = elementCount();
        float[] values = new float[count];
        ByteBuffer bytes = data.duplicate().order(data.order());
        switch (type) {
            case FLOAT32 -> {
                requireBytes(count * 4L);
                bytes.asFloatBuffer().get(values);
            }
            case FLOAT16 -> {
                requireBytes(count * 2L);
                for (int i = 0; i < count; i++) {
                    values[i] = halfToFloat(bytes.getShort(i * 2));
                }
            }
            default -> throw new TfliteFormatException("tensor " + index + " '" + name + "' is " + type + ", not a float");
        }
        return values;
    }

    /** IEEE 754 binary16 to binary32, exactly (subnormals, infinities and NaN included). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // subnormal (or zero): mantissa * 2^-24
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    public int[] ints() {
        if (type != TensorType.INT32) {
            throw new TfliteFormatException("tensor " + index + " '" + name + "' is " + type + ", not INT32");
        }
        requireBytes(elementCount() * 4L);
        int[] values = new int[elementCount()];
        data.duplicate().order(data.order()).asIntBuffer().get(values);
        return values;
    }

    private void requireBytes(long bytes) {
        if (data.remaining() < bytes) {
            throw new TfliteFormatException("tensor " + index + " '" + name + "' has " + data.remaining()
                    + " bytes of data, its shape needs " + bytes);
        }
    }
}
