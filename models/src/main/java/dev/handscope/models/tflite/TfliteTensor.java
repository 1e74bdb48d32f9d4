package dev.handscope.models.tflite;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A tensor of the graph: its shape and type, and its constant data when it has any.
 *
 * @param data the constant bytes (little-endian), or an empty buffer for activations
 */
public record TfliteTensor(int index, String name, TensorType type, int[] shape, ByteBuffer data) {

    public boolean isConstant() {
        return data.remaining() > 0;
    }

    /** The number of elements of the shape; a negative or overflowing shape is a format error. */
    public int elementCount() {
        long count = 1;
        for (int dimension : shape) {
            if (dimension < 0) {
                throw new TfliteFormatException(describe() + " has a negative dimension in shape "
                        + Arrays.toString(shape));
            }
            count *= dimension;
            if (count > Integer.MAX_VALUE) {
                throw new TfliteFormatException(describe() + " has shape " + Arrays.toString(shape)
                        + ": too many elements");
            }
        }
        return (int) count;
    }

    /** The constant values as float32, expanding float16; for FLOAT32 and FLOAT16 tensors. */
    public float[] floats() {
        int bytesPerValue = switch (type) {
            case FLOAT32 -> 4;
            case FLOAT16 -> 2;
            default -> throw new TfliteFormatException(describe() + " is " + type + ", not a float");
        };
        int count = elementCount();
        requireBytes(count, bytesPerValue); // before allocating: the shape may be corrupt
        float[] values = new float[count];
        ByteBuffer bytes = data.duplicate().order(data.order());
        if (type == TensorType.FLOAT32) {
            bytes.asFloatBuffer().get(values);
        } else {
            for (int i = 0; i < count; i++) {
                values[i] = halfToFloat(bytes.getShort(i * 2));
            }
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
            throw new TfliteFormatException(describe() + " is " + type + ", not INT32");
        }
        requireBytes(elementCount(), 4);
        int[] values = new int[elementCount()];
        data.duplicate().order(data.order()).asIntBuffer().get(values);
        return values;
    }

    private void requireBytes(int count, int bytesPerValue) {
        long bytes = (long) count * bytesPerValue;
        if (data.remaining() < bytes) {
            throw new TfliteFormatException(describe() + " has " + data.remaining() + " bytes of data, its shape "
                    + Arrays.toString(shape) + " needs " + bytes);
        }
    }

    private String describe() {
        return "tensor " + index + " '" + name + "'";
    }
}
