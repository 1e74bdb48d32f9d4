package dev.handscope.engine.mesh.mano;

import dev.handscope.engine.mesh.HandTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Reads the user's own MANO files (MANO_RIGHT.pkl, MANO_LEFT.pkl: Python 2 pickles of numpy
 * arrays, a scipy sparse joint regressor and chumpy objects). They cannot be redistributed, so
 * HandScope only ever reads them from where the user keeps them. Every error names the file and
 * the entry at fault.
 */
public final class ManoLoader {
    public static final String RIGHT_FILE = "MANO_RIGHT.pkl";
    public static final String LEFT_FILE = "MANO_LEFT.pkl";

    static {
        for (String module : new String[] {"numpy.core.multiarray", "numpy._core.multiarray"}) {
            Unpickler.registerConstructor(module, "_reconstruct", args -> new NumpyArray());
        }
        Unpickler.registerConstructor("numpy", "dtype", args -> new NumpyArray.Dtype((String) args[0]));
        // copy_reg._reconstructor(cls, object, None): a plain instance of cls, filled by BUILD afterwards.
        for (String module : new String[] {"copy_reg", "copyreg"}) {
            Unpickler.registerConstructor(module, "_reconstructor",
                    args -> ((net.razorvine.pickle.IObjectConstructor) args[0]).construct(new Object[0]));
        }
    }

    private ManoLoader() {
    }

    /** The right and left templates from a MANO folder. */
    public static HandTemplate[] loadPair(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder (--mano expects the folder holding " + RIGHT_FILE
                    + " and " + LEFT_FILE + ")");
        }
        return new HandTemplate[] {template(folder.resolve(RIGHT_FILE)), template(folder.resolve(LEFT_FILE))};
    }

    private static HandTemplate template(Path file) throws IOException {
        try {
            return load(file).toHandTemplate();
        } catch (IllegalStateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static ManoModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing. Download MANO from its authors and point --mano at its folder.");
        }
        Object root;
        Unpickler unpickler = new Unpickler();
        try (InputStream in = Files.newInputStream(file)) {
            root = unpickler.load(in);
        } catch (RuntimeException | IOException e) {
            throw new IOException(file + ": not a readable MANO pickle (" + e.getMessage() + ")", e);
        } finally {
            unpickler.close();
        }
        if (!(root instanceof Map<?, ?> entries)) {
            throw new IOException(file + ": a MANO pickle holds a dict, this one a "
                    + (root == null ? "None" : root.getClass().getSimpleName()));
        }
        try {
            NumpyArray template = array(entries, "v_template");
            NumpyArray faces = array(entries, "f");
            NumpyArray weights = array(entries, "weights");
            NumpyArray kintree = array(entries, "kintree_table");
            NumpyArray shapes = array(entries, "shapedirs");
            NumpyArray poses = array(entries, "posedirs");
            int vertices = template.shape()[0];
            double[] regressor = sparse(entries, "J_regressor", vertices);
            int joints = regressor.length / vertices;
            int[] parents = new int[joints];
            for (int j = 0; j < joints; j++) {
                long parent = (long) kintree.values()[j];
                parents[j] = parent >= joints || parent < 0 ? -1 : (int) parent;
            }
            int[] faceIndices = new int[faces.values().length];
            for (int i = 0; i < faceIndices.length; i++) {
                faceIndices[i] = (int) faces.values()[i];
            }
            check(weights.shape(), vertices * joints, "weights", file);
            return new ManoModel(vertices, template.values(), faceIndices, weights.values(), regressor, parents,
                    shapes.values(), shapes.shape().length == 3 ? shapes.shape()[2] : 0, poses.values(),
                    poses.shape().length == 3 ? poses.shape()[2] : 0);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void check(int[] shape, int expected, String key, Path file) throws IOException {
        int count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count != expected) {
            throw new IOException(file + ": '" + key + "' has " + count + " values, expected " + expected);
        }
    }

    /** An entry as a numpy array, unwrapping chumpy objects (their value is in 'x'). */
    private static NumpyArray array(Map<?, ?> entries, String key) {
        Object value = entries.get(key);
        if (value instanceof ClassDict wrapper && wrapper.get("x") instanceof NumpyArray inner) {
            return inner;
        }
        if (value instanceof NumpyArray array) {
            return array;
        }
        throw new IllegalArgumentException("entry '" + key + "' is " + (value == null ? "missing"
                : "a " + describe(value) + ", not a numpy array"));
    }

    /** A scipy.sparse csc (or csr) matrix entry as a dense rows x columns array. */
    private static double[] sparse(Map<?, ?> entries, String key, int columns) {
        Object value = entries.get(key);
        if (value instanceof NumpyArray dense) {
            return dense.values();
        }
        if (!(value instanceof ClassDict matrix)) {
            throw new IllegalArgumentException("entry '" + key + "' is " + (value == null ? "missing"
                    : "a " + describe(value) + ", not a sparse matrix"));
        }
        Object[] shape = (Object[]) matrix.get("_shape");
        int rows = ((Number) shape[0]).intValue();
        int cols = ((Number) shape[1]).intValue();
        if (cols != columns) {
            throw new IllegalArgumentException("entry '" + key + "' has " + cols + " columns for " + columns + " vertices");
        }
        double[] data = ((NumpyArray) matrix.get("data")).values();
        double[] indices = ((NumpyArray) matrix.get("indices")).values();
        double[] pointers = ((NumpyArray) matrix.get("indptr")).values();
        boolean byColumn = !matrix.getClassName().endsWith("csr_matrix");
        double[] out = new double[rows * cols];
        int outer = byColumn ? cols : rows;
        for (int o = 0; o < outer; o++) {
            for (int k = (int) pointers[o]; k < (int) pointers[o + 1]; k++) {
                int inner = (int) indices[k];
                int row = byColumn ? inner : o;
                int col = byColumn ? o : inner;
                out[row * cols + col] = data[k];
            }
        }
        return out;
    }

    private static String describe(Object value) {
        return value instanceof ClassDict dict ? dict.getClassName() : value.getClass().getSimpleName();
    }
}
