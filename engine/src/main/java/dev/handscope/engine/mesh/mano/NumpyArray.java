package dev.handscope.engine.mesh.mano;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A numpy array as pickled by numpy.core.multiarray._reconstruct plus its __setstate__ tuple
 * (version, shape, dtype, is_fortran, raw bytes). Values are read as doubles in C order.
 */
public final class NumpyArray {
    private int[] shape = new int[0];
    private double[] values = new double[0];

    /** numpy's array state: (version, shape, dtype, is_fortran, data). */
    public void __setstate__(Object[] state) {
        Object[] shapeTuple = (Object[]) state[1];
        shape = Arrays.stream(shapeTuple).mapToInt(o -> ((Number) o).intValue()).toArray();
        Dtype dtype = (Dtype) state[2];
        boolean fortran = Boolean.TRUE.equals(state[3]) || Integer.valueOf(1).equals(state[3]);
        byte[] raw = bytes(state[4]);
        int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        ByteBuffer data = ByteBuffer.wrap(raw).order(dtype.order());
        if (raw.length < (long) count * dtype.size()) {
            throw new IllegalArgumentException("array data holds " + raw.length + " bytes, shape "
                    + Arrays.toString(shape) + " of " + dtype.code() + " needs " + (long) count * dtype.size());
        }
        double[] read = new double[count];
        for (int i = 0; i < count; i++) {
            read[i] = dtype.read(data, i * dtype.size());
        }
        values = fortran ? toCOrder(read, shape) : read;
    }

    private static byte[] bytes(Object data) {
        if (data instanceof byte[] b) {
            return b;
        }
        if (data instanceof String s) {
            return s.getBytes(StandardCharsets.ISO_8859_1); // Python 2 str: one char per byte
        }
        if (data instanceof List<?> list) {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = ((Number) list.get(i)).byteValue();
            }
            return b;
        }
        throw new IllegalArgumentException("array data of unexpected type " + data.getClass().getSimpleName());
    }

    private static double[] toCOrder(double[] fortran, int[] shape) {
        double[] c = new double[fortran.length];
        int[] index = new int[shape.length];
        for (int f = 0; f < fortran.length; f++) {
            // f walks the first axis fastest; compute the C-order offset of that multi-index.
            int rest = f;
            for (int axis = 0; axis < shape.length; axis++) {
                index[axis] = rest % shape[axis];
                rest /= shape[axis];
            }
            int offset = 0;
            for (int axis = 0; axis < shape.length; axis++) {
                offset = offset * shape[axis] + index[axis];
            }
            c[offset] = fortran[f];
        }
        return c;
    }

    public int[] shape() {
        return shape.clone();
    }

    public double[] values() {
        return values;
    }

    /** A numpy dtype as pickled: numpy.dtype(code, 0, 1) with state (version, byte order, ...). */
    public static final class Dtype {
        private final String code;
        private String byteOrder = "<";

        public Dtype(String code) {
            this.code = code;
        }

        public void __setstate__(Object[] state) {
            if (state.length > 1 && state[1] instanceof String order) {
                byteOrder = order;
            }
        }

        String code() {
            return code;
        }

        ByteOrder order() {
            return ">".equals(byteOrder) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }

        int size() {
            return switch (code) {
                case "f8", "i8", "u8" -> 8;
                case "f4", "i4", "u4" -> 4;
                case "i2", "u2" -> 2;
                case "i1", "u1", "b1" -> 1;
                default -> throw new IllegalArgumentException("unsupported numpy dtype '" + code + "'");
            };
        }

        double read(ByteBuffer data, int at) {
            return switch (code) {
                case "f8" -> data.getDouble(at);
                case "f4" -> data.getFloat(at);
                case "i8", "u8" -> data.getLong(at);
                case "i4" -> data.getInt(at);
                case "u4" -> data.getInt(at) & 0xffffffffL;
                case "i2" -> data.getShort(at);
                case "u2" -> data.getShort(at) & 0xffff;
                case "i1" -> data.get(at);
                default -> data.get(at) & 0xff;
            };
        }
    }
}
