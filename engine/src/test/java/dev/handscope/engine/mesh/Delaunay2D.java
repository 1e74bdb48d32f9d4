package dev.handscope.engine.mesh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delaunay triangulation of points in the plane (Bowyer-Watson). Quadratic, which is plenty for
 * the few hundred points of the hand template; deterministic for a given point order.
 */
final class Delaunay2D {
    private Delaunay2D() {
    }

    /** Counter-clockwise triangles (index triples into xs/ys). */
    static List<int[]> triangulate(double[] xs, double[] ys) {
        int n = xs.length;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double span = Math.max(maxX - minX, maxY - minY) * 20;
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        double[] x = new double[n + 3];
        double[] y = new double[n + 3];
        System.arraycopy(xs, 0, x, 0, n);
        System.arraycopy(ys, 0, y, 0, n);
        x[n] = cx - span;
        y[n] = cy - span;
        x[n + 1] = cx + span;
        y[n + 1] = cy - span;
        x[n + 2] = cx;
        y[n + 2] = cy + span;
        List<int[]> triangles = new ArrayList<>();
        triangles.add(new int[] {n, n + 1, n + 2});
        for (int p = 0; p < n; p++) {
            List<int[]> bad = new ArrayList<>();
            for (int[] t : triangles) {
                if (inCircumcircle(x, y, t, x[p], y[p])) {
                    bad.add(t);
                }
            }
            // The hole's boundary: edges of bad triangles that only one bad triangle has.
            Map<Long, int[]> edges = new HashMap<>();
            List<Long> order = new ArrayList<>();
            for (int[] t : bad) {
                for (int e = 0; e < 3; e++) {
                    int a = t[e];
                    int b = t[(e + 1) % 3];
                    long key = Math.min(a, b) * 1_000_003L + Math.max(a, b);
                    if (edges.remove(key) == null) {
                        edges.put(key, new int[] {a, b});
                        order.add(key);
                    }
                }
            }
            triangles.removeAll(bad);
            for (long key : order) {
                int[] edge = edges.get(key);
                if (edge != null) {
                    triangles.add(new int[] {edge[0], edge[1], p});
                }
            }
        }
        List<int[]> result = new ArrayList<>();
        for (int[] t : triangles) {
            if (t[0] < n && t[1] < n && t[2] < n) {
                result.add(orientation(x, y, t) > 0 ? t : new int[] {t[0], t[2], t[1]});
            }
        }
        return result;
    }

    private static double orientation(double[] x, double[] y, int[] t) {
        return (x[t[1]] - x[t[0]]) * (y[t[2]] - y[t[0]]) - (y[t[1]] - y[t[0]]) * (x[t[2]] - x[t[0]]);
    }

    private static boolean inCircumcircle(double[] x, double[] y, int[] t, double px, double py) {
        int[] ccw = orientation(x, y, t) > 0 ? t : new int[] {t[0], t[2], t[1]};
        double ax = x[ccw[0]] - px;
        double ay = y[ccw[0]] - py;
        double bx = x[ccw[1]] - px;
        double by = y[ccw[1]] - py;
        double cx = x[ccw[2]] - px;
        double cy = y[ccw[2]] - py;
        double det = (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay)
                + (cx * cx + cy * cy) * (ax * by - bx * ay);
        return det > 0;
    }
}
