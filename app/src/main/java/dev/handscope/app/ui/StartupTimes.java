package dev.handscope.app.ui;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How long start-up took, from the moment the JVM started: to the window on screen, to the first
 * video frame shown, and to the first frame with a tracked hand. Each is taken once, on the FX thread.
 */
final class StartupTimes {
    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private long window = -1;
    private long firstFrame = -1;
    private long firstHand = -1;
    private long models = -1;

    private long sinceStart() {
        return System.currentTimeMillis() - jvmStartMillis;
    }

    void windowShown() {
        if (window < 0) {
            window = sinceStart();
        }
    }

    void modelsLoaded() {
        models = sinceStart();
    }

    void frameShown(int hands) {
        if (firstFrame < 0) {
            firstFrame = sinceStart();
        }
        if (hands > 0 && firstHand < 0) {
            firstHand = sinceStart();
        }
    }

    /** One line for the report, e.g. "window 0.9 s · first frame 1.2 s · models loaded 1.6 s · first tracked hand 2.4 s". */
    String summary() {
        return "window " + seconds(window) + " · first frame " + seconds(firstFrame) + " · models loaded "
                + seconds(models) + " · first tracked hand " + seconds(firstHand);
    }

    private static String seconds(long millis) {
        return millis < 0 ? "–" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
