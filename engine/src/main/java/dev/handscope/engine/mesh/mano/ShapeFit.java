package dev.handscope.engine.mesh.mano;

import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.mesh.HandSkeleton;
import dev.handscope.engine.mesh.HandTemplate;

/**
 * MANO's shape from bone lengths: the shape coefficients (betas) whose skeleton has the observed
 * bones' lengths, by damped Gauss-Newton on the 20 bone lengths (the joints and fingertips of a
 * MANO hand are linear in beta), pulled gently toward the mean shape.
 */
public final class ShapeFit {
    private static final int ITERATIONS = 6;
    /** Pull toward the mean shape, relative to the system's own scale (bone lengths are centimetres). */
    private static final double DAMPING = 1e-3;

    private final HandTemplate template;
    private final int shapes;
    /** The 21 skeleton points (MediaPipe order) at beta = 0, and their change per beta: 63 x S. */
    private final double[] rest = new double[63];
    private final double[] perBeta;

    public ShapeFit(HandTemplate template) {
        BlendShapes blend = template.blend();
        this.template = template;
        this.shapes = blend.shapeCount();
        this.perBeta = new double[63 * shapes];
        int vertices = template.vertexCount();
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            int point = HandSkeleton.LANDMARK_OF_JOINT[j];
            for (int v = 0; v < vertices; v++) {
                float w = blend.jointRegressor()[j * vertices + v];
                if (w != 0) {
                    accumulate(point, v, w);
                }
            }
        }
        for (int t = 0; t < HandSkeleton.TIPS; t++) {
            accumulate(HandSkeleton.TIP_LANDMARKS[t], template.tips()[t], 1);
        }
    }

    private void accumulate(int point, int vertex, float weight) {
        float[] shapeDirs = template.blend().shapeDirs();
        for (int c = 0; c < 3; c++) {
            rest[3 * point + c] += weight * template.vertices()[3 * vertex + c];
            for (int s = 0; s < shapes; s++) {
                perBeta[(3 * point + c) * shapes + s] += weight * shapeDirs[(3 * vertex + c) * shapes + s];
            }
        }
    }

    /** Betas matching the bone lengths of {@code points} (21 x 3) divided by {@code scale}. */
    public double[] fit(float[] points, double scale) {
        double[] beta = new double[shapes];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] normal = new double[shapes][shapes];
            double[] gradient = new double[shapes];
            for (int[] bone : HandTopology.BONES) {
                double[] d = new double[3];
                double[][] dd = new double[3][shapes];
                for (int c = 0; c < 3; c++) {
                    d[c] = rest[3 * bone[1] + c] - rest[3 * bone[0] + c];
                    for (int s = 0; s < shapes; s++) {
                        dd[c][s] = perBeta[(3 * bone[1] + c) * shapes + s] - perBeta[(3 * bone[0] + c) * shapes + s];
                        d[c] += dd[c][s] * beta[s];
                    }
                }
                double length = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double target = Math.sqrt(squared(points, bone[0], bone[1])) / scale;
                double residual = length - target;
                double[] row = new double[shapes];
                for (int s = 0; s < shapes; s++) {
                    for (int c = 0; c < 3; c++) {
                        row[s] += d[c] / Math.max(length, 1e-9) * dd[c][s];
                    }
                }
                for (int a = 0; a < shapes; a++) {
                    gradient[a] += row[a] * residual;
                    for (int b = 0; b < shapes; b++) {
                        normal[a][b] += row[a] * row[b];
                    }
                }
            }
            double trace = 0;
            for (int a = 0; a < shapes; a++) {
                trace += normal[a][a];
            }
            double damping = DAMPING * trace / shapes + 1e-12;
            for (int a = 0; a < shapes; a++) {
                normal[a][a] += damping;
                gradient[a] += damping * beta[a];
            }
            double[] step = solve(normal, gradient);
            for (int s = 0; s < shapes; s++) {
                beta[s] -= step[s];
            }
        }
        return beta;
    }

    /** Writes the shaped rest vertices, joints (MANO order) and the 21 skeleton points for {@code beta}. */
    public void apply(double[] beta, float[] vertices, float[] joints, float[] points) {
        float[] shapeDirs = template.blend().shapeDirs();
        float[] v = template.vertices();
        for (int i = 0; i < v.length; i++) {
            double value = v[i];
            for (int s = 0; s < shapes; s++) {
                value += shapeDirs[i * shapes + s] * beta[s];
            }
            vertices[i] = (float) value;
        }
        for (int i = 0; i < 63; i++) {
            double value = rest[i];
            for (int s = 0; s < shapes; s++) {
                value += perBeta[i * shapes + s] * beta[s];
            }
            points[i] = (float) value;
        }
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            System.arraycopy(points, 3 * HandSkeleton.LANDMARK_OF_JOINT[j], joints, 3 * j, 3);
        }
    }

    private static double squared(float[] p, int i, int j) {
        double dx = p[3 * i] - p[3 * j];
        double dy = p[3 * i + 1] - p[3 * j + 1];
        double dz = p[3 * i + 2] - p[3 * j + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    /** Gaussian elimination with partial pivoting (the system is small and symmetric positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= factor * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }
}
