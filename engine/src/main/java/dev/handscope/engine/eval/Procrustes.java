package dev.handscope.engine.eval;

/**
 * Aligning predicted 3D joints to labelled ones before measuring error. Models give world joints in
 * their own frame and scale, so MPJPE compares after a root shift and PA-MPJPE after the best
 * similarity transform (the papers' "Procrustes-aligned" error).
 *
 * <p>The similarity fit is Umeyama's least-squares problem (min over s, R, t of
 * {@code sum |s R p_i + t - q_i|^2}, R a proper rotation) solved with Horn's closed form: R is the
 * unit quaternion of the largest eigenvector of a symmetric 4x4 matrix, which is a rotation by
 * construction, so a mirrored hand can never be "aligned" by a reflection. Plain Java, no SVD library.
 */
public final class Procrustes {
    private static final int JACOBI_SWEEPS = 64;

    private Procrustes() {
    }

    /**
     * {@code predicted} moved onto {@code target} by the similarity transform (rotation, uniform scale,
     * translation) with the least squared error. Points that all coincide have no scale to fit and
     * land on the target's centroid.
     *
     * @param predicted n x (x, y, z)
     * @param target    n x (x, y, z), the same n
     * @return the aligned n x (x, y, z), a new array
     */
    public static float[] alignSimilarity(float[] predicted, float[] target) {
        int n = pointCount(predicted, target);
        double[] predictedCentre = centroid(predicted, n);
        double[] targetCentre = centroid(target, n);
        double[] correlation = new double[9]; // [3r + c] = sum of centred predicted_r * target_c
        double spread = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 3; r++) {
                double p = predicted[3 * i + r] - predictedCentre[r];
                spread += p * p;
                for (int c = 0; c < 3; c++) {
                    correlation[3 * r + c] += p * (target[3 * i + c] - targetCentre[c]);
                }
            }
        }
        double[] rotation = rotationMatrix(bestRotation(correlation));
        double[] rotated = new double[3 * n];
        double agreement = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 3; r++) {
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    sum += rotation[3 * r + c] * (predicted[3 * i + c] - predictedCentre[c]);
                }
                rotated[3 * i + r] = sum;
                agreement += sum * (target[3 * i + r] - targetCentre[r]);
            }
        }
        double scale = spread > 0 ? agreement / spread : 0;
        float[] aligned = new float[3 * n];
        for (int i = 0; i < 3 * n; i++) {
            aligned[i] = (float) (scale * rotated[i] + targetCentre[i % 3]);
        }
        return aligned;
    }

    /**
     * {@code predicted} shifted so its joint {@code root} lands on {@code target}'s: the alignment of
     * root-relative MPJPE.
     *
     * @return the shifted n x (x, y, z), a new array
     */
    public static float[] alignRoot(float[] predicted, float[] target, int root) {
        int n = pointCount(predicted, target);
        if (root < 0 || root >= n) {
            throw new IllegalArgumentException("root " + root + " is not one of the " + n + " points");
        }
        float[] shifted = new float[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            int axis = i % 3;
            shifted[i] = predicted[i] + (target[3 * root + axis] - predicted[3 * root + axis]);
        }
        return shifted;
    }

    private static int pointCount(float[] predicted, float[] target) {
        if (predicted.length != target.length || predicted.length % 3 != 0 || predicted.length == 0) {
            throw new IllegalArgumentException("expected two equal, non-empty lists of 3D points, got "
                    + predicted.length + " and " + target.length + " numbers");
        }
        return predicted.length / 3;
    }

    private static double[] centroid(float[] points, int n) {
        double[] centre = new double[3];
        for (int i = 0; i < 3 * n; i++) {
            centre[i % 3] += points[i];
        }
        for (int axis = 0; axis < 3; axis++) {
            centre[axis] /= n;
        }
        return centre;
    }

    /**
     * Horn's unit quaternion (w, x, y, z) of the rotation that best turns the centred predicted points
     * onto the centred target points: the eigenvector of the largest eigenvalue of his matrix N.
     */
    private static double[] bestRotation(double[] s) {
        double xx = s[0], xy = s[1], xz = s[2];
        double yx = s[3], yy = s[4], yz = s[5];
        double zx = s[6], zy = s[7], zz = s[8];
        double[] n = {
            xx + yy + zz, yz - zy, zx - xz, xy - yx,
            yz - zy, xx - yy - zz, xy + yx, zx + xz,
            zx - xz, xy + yx, -xx + yy - zz, yz + zy,
            xy - yx, zx + xz, yz + zy, -xx - yy + zz,
        };
        return largestEigenvector(n);
    }

    /** Cyclic Jacobi on a symmetric 4x4 matrix (row-major, overwritten); its top eigenvector, unit length. */
    private static double[] largestEigenvector(double[] a) {
        double[] v = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        for (int sweep = 0; sweep < JACOBI_SWEEPS && offDiagonal(a) > 1e-30 * diagonal(a); sweep++) {
            for (int p = 0; p < 3; p++) {
                for (int q = p + 1; q < 4; q++) {
                    if (a[4 * p + q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (a[5 * i] > a[5 * best]) {
                best = i;
            }
        }
        return new double[] {v[best], v[4 + best], v[8 + best], v[12 + best]};
    }

    /** One Jacobi rotation zeroing a[p][q]: a = J^T a J, v = v J. */
    private static void rotate(double[] a, double[] v, int p, int q) {
        double theta = (a[5 * q] - a[5 * p]) / (2 * a[4 * p + q]);
        double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 4; k++) {
            double kp = a[4 * k + p];
            double kq = a[4 * k + q];
            a[4 * k + p] = c * kp - s * kq;
            a[4 * k + q] = s * kp + c * kq;
        }
        for (int k = 0; k < 4; k++) {
            double pk = a[4 * p + k];
            double qk = a[4 * q + k];
            a[4 * p + k] = c * pk - s * qk;
            a[4 * q + k] = s * pk + c * qk;
        }
        for (int k = 0; k < 4; k++) {
            double kp = v[4 * k + p];
            double kq = v[4 * k + q];
            v[4 * k + p] = c * kp - s * kq;
            v[4 * k + q] = s * kp + c * kq;
        }
    }

    private static double offDiagonal(double[] a) {
        double sum = 0;
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                sum += p == q ? 0 : a[4 * p + q] * a[4 * p + q];
            }
        }
        return sum;
    }

    private static double diagonal(double[] a) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += a[5 * i] * a[5 * i];
        }
        return sum;
    }

    /** The row-major 3x3 rotation of a unit quaternion (w, x, y, z). */
    private static double[] rotationMatrix(double[] quaternion) {
        double w = quaternion[0], x = quaternion[1], y = quaternion[2], z = quaternion[3];
        return new double[] {
            w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z,
        };
    }
}
