package dev.handscope.engine.mesh.mano;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes pickles the way Python 2's cPickle (protocol 2) writes MANO's files: numpy arrays through
 * numpy.core.multiarray._reconstruct with their state tuple and raw bytes as a str, scipy sparse
 * and chumpy objects through copy_reg._reconstructor with a state dict. Test-only.
 */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Values: double[][] {shape, data} as float64 arrays; long[][] {shape, data} as int64; Sparse; Chumpy; Integer. */
    record Array(int[] shape, double[] values, String dtype) {
    }

    record Sparse(int rows, int cols, double[] data, int[] indices, int[] pointers) {
    }

    record Chumpy(Array x) {
    }

    /** A class the reader does not know, called with one argument (as numpy's own reconstructors are). */
    record Unknown(String module, String name) {
    }

    static byte[] dict(Map<String, Object> entries) {
        PickleWriter w = new PickleWriter();
        w.raw(0x80, 2);
        w.raw('}');
        w.raw('(');
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            w.string(e.getKey());
            w.value(e.getValue());
        }
        w.raw('u');
        w.raw('.');
        return w.out.toByteArray();
    }

    private void value(Object v) {
        if (v instanceof Array a) {
            array(a);
        } else if (v instanceof Sparse s) {
            reconstructor("scipy.sparse.csc", "csc_matrix");
            raw('}');
            raw('(');
            string("_shape");
            integer(s.rows());
            integer(s.cols());
            raw(0x86); // TUPLE2
            string("data");
            array(new Array(new int[] {s.data().length}, s.data(), "f8"));
            string("indices");
            array(new Array(new int[] {s.indices().length}, toDoubles(s.indices()), "i4"));
            string("indptr");
            array(new Array(new int[] {s.pointers().length}, toDoubles(s.pointers()), "i4"));
            string("format");
            string("csc");
            raw('u');
            raw('b');
        } else if (v instanceof Chumpy c) {
            reconstructor("chumpy.ch", "Ch");
            raw('}');
            raw('(');
            string("x");
            array(c.x());
            raw('u');
            raw('b');
        } else if (v instanceof Unknown u) {
            global(u.module(), u.name());
            integer(1);
            raw(0x85); // TUPLE1
            raw('R');
        } else if (v instanceof Integer i) {
            integer(i);
        } else {
            throw new IllegalArgumentException(String.valueOf(v));
        }
    }

    private void reconstructor(String module, String name) {
        global("copy_reg", "_reconstructor");
        global(module, name);
        global("__builtin__", "object");
        raw('N');
        raw(0x87); // TUPLE3
        raw('R');
    }

    private void array(Array a) {
        global("numpy.core.multiarray", "_reconstruct");
        global("numpy", "ndarray");
        integer(0);
        raw(0x85); // TUPLE1
        string("b");
        raw(0x87);
        raw('R');
        // state: (1, shape, dtype, False, raw bytes)
        raw('(');
        integer(1);
        raw('(');
        for (int d : a.shape()) {
            integer(d);
        }
        raw('t');
        global("numpy", "dtype");
        string(a.dtype());
        integer(0);
        integer(1);
        raw(0x87);
        raw('R');
        raw('(');
        integer(3);
        string("<");
        raw('N');
        raw('N');
        raw('N');
        integer(-1);
        integer(-1);
        integer(0);
        raw('t');
        raw('b');
        raw(0x89); // NEWFALSE
        int size = a.dtype().endsWith("8") ? 8 : 4;
        ByteBuffer data = ByteBuffer.allocate(a.values().length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : a.values()) {
            switch (a.dtype()) {
                case "f8" -> data.putDouble(x);
                case "i8" -> data.putLong((long) x);
                case "u4", "i4" -> data.putInt((int) (long) x);
                default -> data.putFloat((float) x);
            }
        }
        raw('T'); // BINSTRING: a Python 2 str of raw bytes
        int32(data.capacity());
        out.writeBytes(data.array());
        raw('t');
        raw('b');
    }

    private void global(String module, String name) {
        raw('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        raw('X');
        int32(b.length);
        out.writeBytes(b);
    }

    private void integer(long i) {
        raw('J');
        int32((int) i);
    }

    private void int32(int i) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(i).array());
    }

    private void raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static double[] toDoubles(int[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
