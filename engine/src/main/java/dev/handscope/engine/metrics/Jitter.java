package dev.handscope.engine.metrics;

import java.util.List;

/**
 * Landmark jitter: the mean per-joint acceleration |p[t+1] - 2 p[t] + p[t-1]| in pixels per
 * frame squared. On a hand that holds still, that is noise; smoothing should shrink it.
 */
public final class Jitter {
    private Jitter() {
    }

    /** Mean acceleration over frames [from, to) of a series of 21 x (x, y, z) image-normalised landmarks. */
    public static double meanAcceleration(List<float[]> series, int from, int to, int width, int height) {
        double sum = 0;
        int count = 0;
        for (int t = Math.max(1, from); t < Math.min(to, series.size()) - 1; t++) {
            float[] before = series.get(t - 1);
            float[] now = series.get(t);
            float[] after = series.get(t + 1);
            for (int i = 0; i + 1 < now.length; i += 3) {
                double ax = (after[i] - 2 * now[i] + before[i]) * width;
                double ay = (after[i + 1] - 2 * now[i + 1] + before[i + 1]) * height;
                sum += Math.hypot(ax, ay);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Start of the {@code length}-frame window in which the landmarks move least (mean per-joint speed). */
    public static int stillestWindow(List<float[]> series, int length, int width, int height) {
        int best = 0;
        double bestMotion = Double.MAX_VALUE;
        for (int start = 0; start + length <= series.size(); start++) {
            double motion = 0;
            for (int t = start + 1; t < start + length; t++) {
                float[] before = series.get(t - 1);
                float[] now = series.get(t);
                for (int i = 0; i + 1 < now.length; i += 3) {
                    motion += Math.hypot((now[i] - before[i]) * width, (now[i + 1] - before[i + 1]) * height);
                }
            }
            if (motion < bestMotion) {
                bestMotion = motion;
                best = start;
            }
        }
        return best;
    }
}
