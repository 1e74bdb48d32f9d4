package dev.handscope.engine.mesh.mano;

import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateFile;
import dev.handscope.engine.mesh.MeshFitter;
import dev.handscope.engine.mesh.Skinning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        HandTemplate template;
        try {
            template = load(file).toHandTemplate();
        } catch (IllegalStateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        requireFittable(template, file);
        return template;
    }

    /**
     * Fits the hand to HandScope's own rest skeleton once: finite but degenerate values (all
     * vertices at one point, zero-length bones) only show as NaN meshes, so they are refused here.
     */
    private static void requireFittable(HandTemplate template, Path file) throws IOException {
        MeshFitter fitter = new MeshFitter(template);
        HandPose pose = fitter.fit(new MeshFitter(HandTemplateFile.bundled()).restPoints(), HandPose.rest());
        float[] vertices = new Skinning(template).pose(pose, fitter.shapedJoints()).skin(fitter.shapedVertices(),
                new float[template.vertices().length]);
        for (float v : vertices) {
            if (!Float.isFinite(v)) {
                throw new IOException(file + ": the hand is degenerate (fitting it gives non-finite vertices; are all"
                        + " its vertices at one point?)");
            }
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
            throw new IOException(file + ": not a readable MANO pickle (" + withoutPicklersAdvice(e.getMessage()) + ")",
                    e);
        } finally {
            unpickler.close();
        }
        if (!(root instanceof Map<?, ?> entries)) {
            throw new IOException(file + ": a MANO pickle holds a dict, this one a "
                    + (root == null ? "None" : root.getClass().getSimpleName()));
        }
        try {
            NumpyArray template = checked(array(entries, "v_template"), "v_template", -1, 3);
            int vertices = template.shape()[0];
            NumpyArray faces = checked(array(entries, "f"), "f", -1, 3);
            int[] faceIndices = indices(faces.values(), vertices, "f", "vertex");
            double[] regressor = finite(sparse(entries, "J_regressor", vertices), "J_regressor");
            int joints = regressor.length / vertices;
            if (joints == 0) {
                throw new IllegalArgumentException("entry 'J_regressor' has no rows (joints)");
            }
            NumpyArray weights = checked(array(entries, "weights"), "weights", vertices, joints);
            NumpyArray kintree = checked(array(entries, "kintree_table"), "kintree_table", 2, joints);
            NumpyArray shapes = checked(array(entries, "shapedirs"), "shapedirs", vertices, 3, -1);
            NumpyArray poses = checked(array(entries, "posedirs"), "posedirs", vertices, 3, -1);
            int[] parents = new int[joints];
            for (int j = 0; j < joints; j++) {
                long parent = (long) kintree.values()[j];
                parents[j] = parent >= joints || parent < 0 ? -1 : (int) parent;
            }
            return new ManoModel(vertices, template.values(), faceIndices, weights.values(), regressor,
                    parents, shapes.values(), shapes.shape()[2], poses.values(), poses.shape()[2]);
        } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The array, after checking its shape ({@code -1}: any positive size) and that every value is
     * finite: a broken file must fail here, naming the entry, not later as "/ by zero" or NaN meshes.
     */
    private static NumpyArray checked(NumpyArray array, String key, int... dims) {
        int[] shape = array.shape();
        boolean fits = shape.length == dims.length;
        for (int d = 0; fits && d < dims.length; d++) {
            fits = dims[d] < 0 ? shape[d] > 0 : shape[d] == dims[d];
        }
        if (array.values().length == 0) {
            throw new IllegalArgumentException("entry '" + key + "' has no values (shape " + Arrays.toString(shape) + ")");
        }
        if (!fits) {
            throw new IllegalArgumentException("entry '" + key + "' has the shape " + Arrays.toString(shape) + ", expected "
                    + Arrays.toString(dims).replace("-1", "any"));
        }
        finite(array.values(), key);
        return array;
    }

    private static double[] finite(double[] values, String key) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("entry '" + key + "' holds " + values[i] + " at position " + i
                        + "; every value must be a finite number");
            }
        }
        return values;
    }

    /** Whole-number indices in [0, count), e.g. the faces' vertex indices. */
    private static int[] indices(double[] values, int count, String key, String what) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] < count) || values[i] != Math.rint(values[i])) {
                String value = values[i] == Math.rint(values[i]) ? Long.toString((long) values[i])
                        : Double.toString(values[i]);
                throw new IllegalArgumentException("entry '" + key + "' holds " + what + " index " + value
                        + " at position " + i + "; indices run from 0 to " + (count - 1));
            }
            out[i] = (int) values[i];
        }
        return out;
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
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("entry '" + key + "' has the shape " + rows + " x " + cols);
        }
        boolean byColumn = !matrix.getClassName().endsWith("csr_matrix");
        int outer = byColumn ? cols : rows;
        double[] data = finite(((NumpyArray) matrix.get("data")).values(), key);
        int[] pointers = indices(((NumpyArray) matrix.get("indptr")).values(), data.length + 1, key, "pointer");
        int[] indices = indices(((NumpyArray) matrix.get("indices")).values(), byColumn ? rows : cols, key,
                byColumn ? "row" : "column");
        if (pointers.length != outer + 1 || indices.length != data.length) {
            throw new IllegalArgumentException("entry '" + key + "' is an inconsistent sparse matrix (" + pointers.length
                    + " pointers for " + outer + (byColumn ? " columns, " : " rows, ") + indices.length + " indices for "
                    + data.length + " values)");
        }
        double[] out = new double[rows * cols];
        for (int o = 0; o < outer; o++) {
            for (int k = pointers[o]; k < pointers[o + 1]; k++) {
                int inner = indices[k];
                int row = byColumn ? inner : o;
                int col = byColumn ? o : inner;
                out[row * cols + col] = data[k];
            }
        }
        return out;
    }

    /** Pyrolite's own message, less its advice to the programmer ("Fix it by registering ..."). */
    private static String withoutPicklersAdvice(String message) {
        return String.valueOf(message).replaceAll("\\. This happens when an unsupported.*$", "")
                .replaceAll("\\s*Fix it by registering.*$", "");
    }

    private static String describe(Object value) {
        return value instanceof ClassDict dict ? dict.getClassName() : value.getClass().getSimpleName();
    }
}
