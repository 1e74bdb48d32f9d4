package dev.handscope.engine.mesh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes HandScope's default hand deterministically: a right hand's outline (palm, four tapered
 * fingers, a thumb at its natural angle, rounded tips) is filled with points, triangulated, then
 * "inflated" into a front (palm) and a back surface sewn along the outline: fingers get round
 * cross-sections and domed tips, the palm a flat slab with rounded edges. The wrist is left open,
 * as in MANO. Counts are exact by construction: a triangulated disk with V vertices of which b on
 * its border has 2V - b - 2 triangles, so 778 vertices with a 16-vertex wrist ring give 1538.
 */
public final class HandTemplateGenerator {
    private static final int WRIST_RING = 16;
    /** Outline vertices along the wrist edge, corners included; the others there are doubled. */
    private static final int WRIST_EDGE = WRIST_RING / 2 + 1;
    private static final double WRIST_Y = -0.010;
    private static final double WRIST_HALF_WIDTH = 0.027;
    private static final double PALM_HALF_THICKNESS = 0.0125;
    private static final double PALM_EDGE_ROUNDING = 0.011;
    private static final double FINGER_SPACING = 0.0050;
    private static final double PALM_SPACING = 0.0090;

    /** A finger in the rest pose: base joint, direction (radians from +y toward +x), bone lengths, radii. */
    private record Finger(int firstJoint, double baseX, double baseY, double angle, double[] lengths,
                          double baseRadius, double tipRadius, double outlineStart) {
        double dx() {
            return Math.sin(angle);
        }

        double dy() {
            return Math.cos(angle);
        }

        double length() {
            return lengths[0] + lengths[1] + lengths[2];
        }

        double radiusAt(double s) {
            double t = Math.max(0, Math.min(1, s / length()));
            return baseRadius + (tipRadius - baseRadius) * t;
        }
    }

    // Thumb first, then index, middle, ring, pinky (HandSkeleton.FINGERS order).
    private static final Finger[] FINGERS = {
        new Finger(13, 0.019, 0.020, 0.80, new double[] {0.036, 0.030, 0.025}, 0.0125, 0.0090, 0.004),
        new Finger(1, 0.026, 0.092, 0.10, new double[] {0.040, 0.024, 0.022}, 0.0092, 0.0074, 0.013),
        new Finger(4, 0.007, 0.096, 0.00, new double[] {0.045, 0.028, 0.023}, 0.0096, 0.0076, 0.016),
        new Finger(10, -0.012, 0.092, -0.09, new double[] {0.042, 0.027, 0.022}, 0.0090, 0.0071, 0.015),
        new Finger(7, -0.029, 0.083, -0.20, new double[] {0.032, 0.020, 0.020}, 0.0079, 0.0063, 0.010),
    };

    private HandTemplateGenerator() {
    }

    public static HandTemplate generate() {
        List<double[]> outline = outline();
        int outlineCount = outline.size();
        int interiorTarget = (HandTemplate.VERTICES - (WRIST_EDGE - 2) - outlineCount) / 2;
        if ((HandTemplate.VERTICES - (WRIST_EDGE - 2) - outlineCount) % 2 != 0) {
            throw new IllegalStateException("outline of " + outlineCount + " points cannot reach an exact count");
        }
        List<double[]> interior = interior(outline, interiorTarget);

        int n2d = outlineCount + interior.size();
        double[] xs = new double[n2d];
        double[] ys = new double[n2d];
        for (int i = 0; i < n2d; i++) {
            double[] p = i < outlineCount ? outline.get(i) : interior.get(i - outlineCount);
            xs[i] = p[0];
            ys[i] = p[1];
        }
        List<int[]> triangles = new ArrayList<>();
        for (int[] t : Delaunay2D.triangulate(xs, ys)) {
            double cx = (xs[t[0]] + xs[t[1]] + xs[t[2]]) / 3;
            double cy = (ys[t[0]] + ys[t[1]] + ys[t[2]]) / 3;
            if (inside(outline, cx, cy)) {
                triangles.add(t);
            }
        }
        requireConforming(triangles, outlineCount);

        // Vertices: outline (shared by both sides, except the wrist edge's inner points), front
        // interior, back interior, back copies of the wrist edge's inner points.
        int[] backIndex = new int[n2d];
        List<float[]> vertices = new ArrayList<>();
        for (int i = 0; i < n2d; i++) {
            vertices.add(position(xs[i], ys[i], +1, outline));
        }
        Set<Integer> wristInner = new HashSet<>();
        for (int i = outlineCount - (WRIST_EDGE - 2); i < outlineCount; i++) {
            wristInner.add(i);
        }
        for (int i = 0; i < n2d; i++) {
            boolean shared = i < outlineCount && !wristInner.contains(i);
            backIndex[i] = shared ? i : vertices.size();
            if (!shared) {
                vertices.add(position(xs[i], ys[i], -1, outline));
            }
        }
        // Reorder so the wrist copies come last (purely cosmetic; keeps front interior contiguous).
        List<int[]> faces = new ArrayList<>();
        for (int[] t : triangles) {
            faces.add(new int[] {t[0], t[1], t[2]});
            faces.add(new int[] {backIndex[t[0]], backIndex[t[2]], backIndex[t[1]]});
        }
        if (vertices.size() != HandTemplate.VERTICES || faces.size() != HandTemplate.FACES) {
            throw new IllegalStateException("generated " + vertices.size() + " vertices and " + faces.size() + " faces");
        }
        float[] v = new float[vertices.size() * 3];
        for (int i = 0; i < vertices.size(); i++) {
            System.arraycopy(vertices.get(i), 0, v, 3 * i, 3);
        }
        int[] f = new int[faces.size() * 3];
        for (int i = 0; i < faces.size(); i++) {
            System.arraycopy(faces.get(i), 0, f, 3 * i, 3);
        }
        float[] joints = joints();
        return new HandTemplate(v, f, joints, tips(v), weights(v));
    }

    /** Rest joint positions (z = 0, the hand's mid-plane). */
    private static float[] joints() {
        float[] j = new float[HandSkeleton.JOINTS * 3];
        for (Finger finger : FINGERS) {
            double s = 0;
            for (int k = 0; k < 3; k++) {
                int joint = finger.firstJoint() + k;
                j[3 * joint] = (float) (finger.baseX() + finger.dx() * s);
                j[3 * joint + 1] = (float) (finger.baseY() + finger.dy() * s);
                s += finger.lengths()[k];
            }
        }
        return j;
    }

    /** The outline, counter-clockwise, wrist edge last (its inner points are the last WRIST_EDGE - 2). */
    private static List<double[]> outline() {
        List<double[]> path = new ArrayList<>();
        path.add(new double[] {WRIST_HALF_WIDTH, WRIST_Y});
        path.add(new double[] {0.031, 0.004});
        for (int i = 0; i < FINGERS.length; i++) {
            Finger finger = FINGERS[i];
            fingerOutline(finger, path);
            if (i + 1 < FINGERS.length) {
                web(finger, FINGERS[i + 1], path);
            }
        }
        path.add(new double[] {-0.041, 0.060});
        path.add(new double[] {-0.039, 0.030});
        path.add(new double[] {-0.033, 0.006});
        path.add(new double[] {-WRIST_HALF_WIDTH, WRIST_Y});
        List<double[]> sampled = resample(path);
        if ((HandTemplate.VERTICES - 2 * (WRIST_EDGE - 2) - sampled.size()) % 2 != 0) {
            splitLongestEdge(sampled); // the counts need an odd/even match; one more outline point fixes it
        }
        // The wrist edge: evenly spaced, corners excluded (the first corner opens the list).
        for (int k = 1; k < WRIST_EDGE - 1; k++) {
            double t = (double) k / (WRIST_EDGE - 1);
            sampled.add(new double[] {-WRIST_HALF_WIDTH + 2 * WRIST_HALF_WIDTH * t, WRIST_Y});
        }
        return sampled;
    }

    private static void splitLongestEdge(List<double[]> points) {
        int longest = 0;
        double length = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            double d = Math.hypot(points.get(i + 1)[0] - points.get(i)[0], points.get(i + 1)[1] - points.get(i)[1]);
            if (d > length) {
                length = d;
                longest = i;
            }
        }
        double[] a = points.get(longest);
        double[] b = points.get(longest + 1);
        points.add(longest + 1, new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2});
    }

    private static void fingerOutline(Finger f, List<double[]> path) {
        double rx = f.dy();
        double ry = -f.dx(); // right of the finger direction
        double length = f.length();
        for (double s = f.outlineStart(); s < length - f.tipRadius(); s += 0.004) {
            double r = f.radiusAt(s);
            path.add(new double[] {f.baseX() + f.dx() * s + rx * r, f.baseY() + f.dy() * s + ry * r});
        }
        double cs = length - f.tipRadius();
        double cx = f.baseX() + f.dx() * cs;
        double cy = f.baseY() + f.dy() * cs;
        for (int k = 0; k <= 12; k++) {
            double a = Math.PI * k / 12; // from the right side over the tip to the left side
            double r = f.tipRadius();
            path.add(new double[] {cx + r * (Math.cos(a) * rx + Math.sin(a) * f.dx()),
                cy + r * (Math.cos(a) * ry + Math.sin(a) * f.dy())});
        }
        for (double s = length - f.tipRadius() - 0.004; s > f.outlineStart(); s -= 0.004) {
            double r = f.radiusAt(s);
            path.add(new double[] {f.baseX() + f.dx() * s - rx * r, f.baseY() + f.dy() * s - ry * r});
        }
    }

    private static void web(Finger a, Finger b, List<double[]> path) {
        double ax = a.baseX() + a.dx() * a.outlineStart() - a.dy() * a.radiusAt(a.outlineStart());
        double ay = a.baseY() + a.dy() * a.outlineStart() + a.dx() * a.radiusAt(a.outlineStart());
        double bx = b.baseX() + b.dx() * b.outlineStart() + b.dy() * b.radiusAt(b.outlineStart());
        double by = b.baseY() + b.dy() * b.outlineStart() - b.dx() * b.radiusAt(b.outlineStart());
        path.add(new double[] {(ax + bx) / 2, (ay + by) / 2 - 0.004});
    }

    /** Points along a polyline at the local spacing (finer on fingers). */
    private static List<double[]> resample(List<double[]> path) {
        List<double[]> out = new ArrayList<>();
        out.add(path.get(0));
        double carried = 0;
        for (int i = 1; i < path.size(); i++) {
            double[] a = path.get(i - 1);
            double[] b = path.get(i);
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double t = 0;
            while (true) {
                double spacing = spacing(out.get(out.size() - 1)[0], out.get(out.size() - 1)[1]);
                double step = spacing - carried;
                if (t + step > length) {
                    carried += length - t;
                    break;
                }
                t += step;
                carried = 0;
                out.add(new double[] {a[0] + (b[0] - a[0]) * t / length, a[1] + (b[1] - a[1]) * t / length});
            }
        }
        // Keep clear of the wrist corner the wrist edge will end on.
        double[] last = out.get(out.size() - 1);
        if (Math.hypot(last[0] + WRIST_HALF_WIDTH, last[1] - WRIST_Y) < 0.5 * PALM_SPACING) {
            out.remove(out.size() - 1);
        }
        out.add(new double[] {-WRIST_HALF_WIDTH, WRIST_Y});
        return out;
    }

    private static double spacing(double x, double y) {
        return nearestFinger(x, y)[1] > 0 ? FINGER_SPACING : PALM_SPACING;
    }

    /** Index of the finger whose axis is nearest, and the distance along it beyond its base (<= 0 in the palm). */
    private static double[] nearestFinger(double x, double y) {
        double best = Double.MAX_VALUE;
        double bestIndex = 0;
        double bestS = 0;
        for (int i = 0; i < FINGERS.length; i++) {
            Finger f = FINGERS[i];
            double s = (x - f.baseX()) * f.dx() + (y - f.baseY()) * f.dy();
            double clamped = Math.max(0, Math.min(f.length(), s));
            double d = Math.hypot(x - (f.baseX() + f.dx() * clamped), y - (f.baseY() + f.dy() * clamped));
            if (d < best) {
                best = d;
                bestIndex = i;
                bestS = s;
            }
        }
        return new double[] {bestIndex, bestS, best};
    }

    /** Interior points on a hexagonal grid at the local spacing, trimmed to exactly {@code target}. */
    private static List<double[]> interior(List<double[]> outline, int target) {
        List<double[]> best = null;
        for (double scale = 0.6; scale < 2.0; scale += 0.01) {
            List<double[]> points = new ArrayList<>();
            for (double[] p : grid(scale)) {
                double local = spacing(p[0], p[1]) * scale;
                if (inside(outline, p[0], p[1]) && distanceToOutline(outline, p[0], p[1], true) > 0.55 * local) {
                    points.add(p);
                }
            }
            if (points.size() < target) {
                break;
            }
            best = points;
        }
        if (best == null) {
            throw new IllegalStateException("the outline holds fewer than " + target + " interior points");
        }
        // Drop the points closest to the outline until the count is exact.
        List<double[]> sorted = new ArrayList<>(best);
        Map<double[], Double> clearance = new HashMap<>();
        for (double[] p : sorted) {
            clearance.put(p, distanceToOutline(outline, p[0], p[1], true) / spacing(p[0], p[1]));
        }
        List<double[]> byClearance = new ArrayList<>(sorted);
        byClearance.sort((a, b) -> Double.compare(clearance.get(a), clearance.get(b)));
        Set<double[]> drop = new HashSet<>(byClearance.subList(0, sorted.size() - target));
        sorted.removeIf(drop::contains);
        return sorted;
    }

    /**
     * Candidate interior points: a hexagonal lattice on the palm and between the fingers; on each
     * finger, rings across its width (aligned, so the finger becomes a clean tube).
     */
    private static List<double[]> grid(double scale) {
        List<double[]> points = new ArrayList<>();
        double s = PALM_SPACING * scale;
        int row = 0;
        for (double y = WRIST_Y + s / 2; y < 0.13; y += s * 0.866, row++) {
            for (double x = -0.05 + (row % 2) * s / 2; x < 0.09; x += s) {
                if (!onFinger(x, y)) {
                    points.add(new double[] {x, y});
                }
            }
        }
        double fs = FINGER_SPACING * scale;
        for (Finger f : FINGERS) {
            int across = Math.max(2, (int) Math.round(2 * f.baseRadius() / fs));
            for (double along = fs / 2; along < f.length() - f.tipRadius() * 0.5; along += fs) {
                double radius = f.radiusAt(along);
                for (int c = 0; c < across; c++) {
                    double offset = radius * 0.8 * (2.0 * c / (across - 1) - 1);
                    double x = f.baseX() + f.dx() * along + f.dy() * offset;
                    double y = f.baseY() + f.dy() * along - f.dx() * offset;
                    double[] nearest = nearestFinger(x, y);
                    if (FINGERS[(int) nearest[0]] == f) {
                        points.add(new double[] {x, y});
                    }
                }
            }
        }
        return points;
    }

    /** Whether a point lies in a finger's tube beyond its base (where the finger rings go). */
    private static boolean onFinger(double x, double y) {
        double[] nearest = nearestFinger(x, y);
        Finger f = FINGERS[(int) nearest[0]];
        return nearest[1] > 0 && nearest[2] < f.radiusAt(nearest[1]) * 1.05;
    }

    /** Inflates a point: round finger cross-sections with domed tips, a flat palm with rounded edges. */
    private static float[] position(double x, double y, int side, List<double[]> outline) {
        double h = 0;
        for (Finger f : FINGERS) {
            double s = (x - f.baseX()) * f.dx() + (y - f.baseY()) * f.dy();
            double capStart = f.length() - f.tipRadius();
            double clamped = Math.max(0, Math.min(capStart, s));
            double d = Math.hypot(x - (f.baseX() + f.dx() * clamped), y - (f.baseY() + f.dy() * clamped));
            double r = s > capStart ? f.tipRadius() : f.radiusAt(clamped);
            if (d < r) {
                h = Math.max(h, Math.sqrt(r * r - d * d));
            }
        }
        double edge = distanceToOutline(outline, x, y, false);
        double rounded = Math.min(1, edge / PALM_EDGE_ROUNDING);
        double palm = PALM_HALF_THICKNESS * Math.sqrt(1 - (1 - rounded) * (1 - rounded)) * palmZone(x, y);
        h = Math.max(h, palm);
        return new float[] {(float) x, (float) y, (float) (side * h)};
    }

    /** The palm's outline for thickness: wrist to the index and pinky knuckles. */
    private static final List<double[]> PALM = List.of(
            new double[] {-WRIST_HALF_WIDTH, WRIST_Y}, new double[] {WRIST_HALF_WIDTH, WRIST_Y},
            new double[] {0.036, 0.030}, new double[] {0.037, 0.094}, new double[] {0.007, 0.100},
            new double[] {-0.038, 0.085});

    /** 1 inside the palm, fading to 0 past the knuckles and away from the palm's edge toward the thumb. */
    private static double palmZone(double x, double y) {
        double knuckles = 1;
        for (int i = 1; i < FINGERS.length; i++) {
            Finger f = FINGERS[i];
            double s = (x - f.baseX()) * f.dx() + (y - f.baseY()) * f.dy();
            double across = Math.abs((x - f.baseX()) * f.dy() - (y - f.baseY()) * f.dx());
            if (across < f.baseRadius() * 1.6 && s > 0.004) {
                knuckles = Math.min(knuckles, Math.max(0, 1 - (s - 0.004) / 0.012));
            }
        }
        double outside = inside(PALM, x, y) ? 0 : distanceToPolyline(PALM, x, y);
        return Math.min(knuckles, Math.max(0, 1 - outside / 0.008));
    }

    private static double distanceToPolyline(List<double[]> polygon, double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < polygon.size(); i++) {
            best = Math.min(best, segmentDistance(polygon.get(i), polygon.get((i + 1) % polygon.size()), x, y));
        }
        return best;
    }

    private static double segmentDistance(double[] a, double[] b, double x, double y) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy);
    }

    /**
     * Linear-blend-skinning weights: each finger point follows its bone, blending smoothly over a
     * window around each knuckle; the palm follows the wrist, blending into each finger's base joint.
     */
    private static float[] weights(float[] v) {
        float[] w = new float[HandTemplate.VERTICES * HandSkeleton.JOINTS];
        for (int i = 0; i < HandTemplate.VERTICES; i++) {
            double[] nearest = nearestFinger(v[3 * i], v[3 * i + 1]);
            Finger f = FINGERS[(int) nearest[0]];
            double s = nearest[1];
            double[] bounds = {0, f.lengths()[0], f.lengths()[0] + f.lengths()[1]};
            double[] windows = {f.firstJoint() == 13 ? 0.010 : 0.008, 0.006, 0.005};
            // Weight of "at or beyond joint k": smooth steps; the differences give each bone's share.
            double[] beyond = new double[4];
            beyond[0] = 1;
            for (int k = 0; k < 3; k++) {
                beyond[k + 1] = smoothstep(bounds[k] - windows[k], bounds[k] + windows[k], s);
            }
            w[i * HandSkeleton.JOINTS] = (float) (beyond[0] - beyond[1]);
            for (int k = 0; k < 3; k++) {
                double share = beyond[k + 1] - (k + 2 < beyond.length ? beyond[k + 2] : 0);
                w[i * HandSkeleton.JOINTS + f.firstJoint() + k] = (float) share;
            }
        }
        return w;
    }

    private static double smoothstep(double from, double to, double x) {
        double t = Math.max(0, Math.min(1, (x - from) / (to - from)));
        return t * t * (3 - 2 * t);
    }

    /** For each finger (thumb to pinky), the vertex farthest along its direction. */
    private static int[] tips(float[] v) {
        int[] tips = new int[FINGERS.length];
        for (int i = 0; i < FINGERS.length; i++) {
            Finger f = FINGERS[i];
            double best = -Double.MAX_VALUE;
            for (int k = 0; k < HandTemplate.VERTICES; k++) {
                double along = (v[3 * k] - f.baseX()) * f.dx() + (v[3 * k + 1] - f.baseY()) * f.dy();
                double across = Math.abs((v[3 * k] - f.baseX()) * f.dy() - (v[3 * k + 1] - f.baseY()) * f.dx());
                double score = along - 4 * across - 2 * Math.abs(v[3 * k + 2]);
                if (score > best) {
                    best = score;
                    tips[i] = k;
                }
            }
        }
        return tips;
    }

    static boolean inside(List<double[]> polygon, double x, double y) {
        boolean in = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            double[] a = polygon.get(i);
            double[] b = polygon.get(j);
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                in = !in;
            }
        }
        return in;
    }

    /** Distance to the outline; the wrist edge counts only when {@code withWrist}. */
    private static double distanceToOutline(List<double[]> outline, double x, double y, boolean withWrist) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < outline.size(); i++) {
            double[] a = outline.get(i);
            double[] b = outline.get((i + 1) % outline.size());
            if (!withWrist && Math.abs(a[1] - WRIST_Y) < 1e-12 && Math.abs(b[1] - WRIST_Y) < 1e-12) {
                continue;
            }
            best = Math.min(best, segmentDistance(a, b, x, y));
        }
        return best;
    }

    /** Every outline edge must be a triangle edge, or the surface would not close along the seam. */
    private static void requireConforming(List<int[]> triangles, int outlineCount) {
        Set<Long> edges = new HashSet<>();
        for (int[] t : triangles) {
            for (int e = 0; e < 3; e++) {
                edges.add((long) t[e] * 100_000 + t[(e + 1) % 3]);
            }
        }
        for (int i = 0; i < outlineCount; i++) {
            int next = (i + 1) % outlineCount;
            if (!edges.contains((long) i * 100_000 + next)) {
                throw new IllegalStateException("outline edge " + i + "-" + next + " is not in the triangulation");
            }
        }
    }
}
