package dev.handscope.engine.headpose;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The weighted orthogonal Procrustes problem with scale, as MediaPipe's procrustes_solver.cc poses
 * it (D. Akca, Generalized Procrustes analysis and its applications in photogrammetry, 2003,
 * section 2.4): find {@code s, R, t} minimising {@code sum_i w_i |s R a_i + t - b_i|^2} over
 * rotations R (det +1, reflections refused). Double precision where MediaPipe uses float.
 */
final class WeightedProcrustes {
    private static final double EPS = 1e-9;

    /** A failed solve (too small a weight, design matrix or scale): degenerate input. */
    static final class Degenerate extends Exception {
        Degenerate(String message) {
            super(message);
        }
    }

    private WeightedProcrustes() {
    }

    /**
     * Solves for the transform taking {@code source} points onto {@code target} points.
     *
     * @param source  n x (x, y, z)
     * @param target  n x (x, y, z)
     * @param weights n non-negative weights
     * @return the 4x4 transform, row-major: the upper 3x3 is s R, the last column t
     */
    static double[] solve(double[] source, double[] target, double[] weights) throws Degenerate {
        int n = weights.length;
        double total = 0;
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0)) {
                throw new Degenerate("point weight " + i + " is negative or NaN");
            }
            total += weights[i];
            for (int k = 0; k < 3; k++) {
                c[k] += weights[i] * source[i * 3 + k];
            }
        }
        if (!(total > EPS)) {
            throw new Degenerate("the total point weight is too small");
        }
        for (int k = 0; k < 3; k++) {
            c[k] /= total;
        }
        // Design matrix sum_i w_i b_i (a_i - c)^T and the scale denominator sum_i w_i (a_i - c) . a_i.
        double[] d = new double[9];
        double denominator = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            for (int r = 0; r < 3; r++) {
                double ac = source[i * 3 + r] - c[r];
                denominator += w * ac * source[i * 3 + r];
                for (int col = 0; col < 3; col++) {
                    d[r * 3 + col] += w * target[i * 3 + r] * (source[i * 3 + col] - c[col]);
                }
            }
        }
        double norm = 0;
        for (double v : d) {
            norm += v * v;
        }
        if (!(Math.sqrt(norm) > EPS)) {
            throw new Degenerate("the design matrix norm is too small");
        }
        double[] rotation = optimalRotation(d);
        double numerator = 0;
        for (int i = 0; i < n; i++) {
            double[] ra = rotate(rotation, source[i * 3] - c[0], source[i * 3 + 1] - c[1], source[i * 3 + 2] - c[2]);
            numerator += weights[i] * (ra[0] * target[i * 3] + ra[1] * target[i * 3 + 1] + ra[2] * target[i * 3 + 2]);
        }
        if (!(denominator > EPS) || !(numerator / denominator > EPS)) {
            throw new Degenerate("the scale is too small or undefined");
        }
        double scale = numerator / denominator;
        double[] t = new double[3];
        for (int i = 0; i < n; i++) {
            double[] ra = rotate(rotation, source[i * 3], source[i * 3 + 1], source[i * 3 + 2]);
            for (int k = 0; k < 3; k++) {
                t[k] += weights[i] * (target[i * 3 + k] - scale * ra[k]);
            }
        }
        double[] m = new double[16];
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 3; col++) {
                m[r * 4 + col] = scale * rotation[r * 3 + col];
            }
            m[r * 4 + 3] = t[r] / total;
        }
        m[15] = 1;
        for (double v : m) {
            if (!Double.isFinite(v)) {
                throw new Degenerate("the transform is not finite");
            }
        }
        return m;
    }

    /** U V^T of the SVD of the design matrix, U's last column negated when that would reflect. */
    private static double[] optimalRotation(double[] design) {
        try (Mat src = new Mat(3, 3, opencv_core.CV_64F); Mat w = new Mat(); Mat u = new Mat(); Mat vt = new Mat()) {
            try (DoubleIndexer in = src.createIndexer()) {
                for (int r = 0; r < 3; r++) {
                    for (int col = 0; col < 3; col++) {
                        in.put(r, col, design[r * 3 + col]);
                    }
                }
            }
            opencv_core.SVDecomp(src, w, u, vt);
            double[] uu = new double[9];
            double[] vv = new double[9];
            try (DoubleIndexer ui = u.createIndexer(); DoubleIndexer vi = vt.createIndexer()) {
                for (int r = 0; r < 3; r++) {
                    for (int col = 0; col < 3; col++) {
                        uu[r * 3 + col] = ui.get(r, col);
                        vv[r * 3 + col] = vi.get(r, col);
                    }
                }
            }
            if (det(uu) * det(vv) < 0) {
                for (int r = 0; r < 3; r++) {
                    uu[r * 3 + 2] = -uu[r * 3 + 2];
                }
            }
            double[] rot = new double[9];
            for (int r = 0; r < 3; r++) {
                for (int col = 0; col < 3; col++) {
                    for (int k = 0; k < 3; k++) {
                        rot[r * 3 + col] += uu[r * 3 + k] * vv[k * 3 + col];
                    }
                }
            }
            return rot;
        }
    }

    static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    private static double[] rotate(double[] r, double x, double y, double z) {
        return new double[] {r[0] * x + r[1] * y + r[2] * z, r[3] * x + r[4] * y + r[5] * z,
            r[6] * x + r[7] * y + r[8] * z};
    }
}
