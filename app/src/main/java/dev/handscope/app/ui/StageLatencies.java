package dev.handscope.app.ui;

import dev.handscope.engine.pipeline.ProcessedFrame;
import dev.handscope.engine.metrics.LatencyMeter;
import dev.handscope.engine.metrics.LatencyStats;
import dev.handscope.engine.pipeline.InferenceLoop;
import dev.handscope.render.hud.Hud;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long each stage took for the frames shown over the last seconds, and the FX thread's gaps
 * between pulses: what the latency HUD draws and a --snapshot run prints. FX thread only.
 */
final class StageLatencies {
    private static final String[] NAMES = {"capture wait", "preprocess", "detector", "landmarks", "mesh", "faces", "render",
        "end to end"};
    private static final int PALM = 2;
    private static final int FACES = 5;

    private final LatencyMeter[] stages = new LatencyMeter[NAMES.length];
    private final LatencyMeter fxGaps = LatencyMeter.lastSeconds();
    private final double[] chart = new double[1024];
    private long lastPulse;
    /** The detector runs on some frames only (every frame for one-stage models); its "now" is blank on the others. */
    private boolean palmRan;

    StageLatencies() {
        for (int i = 0; i < stages.length; i++) {
            stages[i] = LatencyMeter.lastSeconds();
        }
    }

    /** Called on every pulse: the gap since the last one. */
    void pulse(long now) {
        if (lastPulse != 0) {
            fxGaps.record(now, now - lastPulse);
        }
        lastPulse = now;
    }

    /** A tracked frame shown at {@code shown}, after {@code renderNanos} of drawing. */
    void record(ProcessedFrame output, long renderNanos, long shown) {
        var timings = output.result().timings();
        long[] values = {output.captureWaitNanos(), timings.preprocess() + timings.copy(),
            output.result().detectorRan() ? timings.detector() : -1, timings.landmarks(),
            output.result().stageNanos("mesh"), output.result().stageNanos("faces"),
            renderNanos, shown - output.frame().captureNanos()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= 0) {
                stages[i].record(shown, values[i]);
            }
        }
        palmRan = values[PALM] >= 0;
    }

    /** Draws the figures on the HUD, under {@code rates}; {@code state} leads its last line. */
    void showOn(Hud hud, long now, String rates, String state) {
        List<Hud.StageRow> rows = new ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            LatencyStats stats = stages[i].stats(now);
            if (i == FACES && stats.count() == 0) {
                continue; // no face tracking: no row
            }
            double latest = i == PALM && !palmRan ? -1 : stages[i].latestNanos() / 1e6;
            rows.add(new Hud.StageRow(NAMES[i], latest, stats.count() == 0 ? -1 : stats.medianMs(),
                    stats.count() == 0 ? -1 : stats.p95Ms()));
        }
        int count = stages[stages.length - 1].recentMillis(now, chart);
        hud.update(rates, rows, chart, count,
                String.format(Locale.ROOT, "%s · longest FX gap %.0f ms", state, fxGaps.stats(now).maxMs()));
    }

    /** The HUD's figures as text: per stage median / p95 and the longest FX gap. */
    String report(long now) {
        StringBuilder report = new StringBuilder("Latency over the last 5 s (ms):    median      p95\n");
        for (int i = 0; i < stages.length; i++) {
            LatencyStats stats = stages[i].stats(now);
            if (stats.count() > 0) {
                report.append(String.format(Locale.ROOT, "  %-28s %9.1f %8.1f%n", NAMES[i], stats.medianMs(),
                        stats.p95Ms()));
            }
        }
        LatencyStats gaps = fxGaps.stats(now);
        report.append(String.format(Locale.ROOT, "  longest FX-thread gap: %.0f ms (median frame interval %.1f ms)",
                gaps.maxMs(), gaps.medianMs()));
        return report.toString();
    }
}
