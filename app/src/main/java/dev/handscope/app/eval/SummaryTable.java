package dev.handscope.app.eval;

import dev.handscope.engine.eval.EvaluationSummary;
import dev.handscope.engine.eval.Pose3dSummary;
import java.io.PrintWriter;
import java.util.Locale;

/** The terminal's summary: one line per model and protocol with the headline figures. */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static void print(EvaluationRun.Outcome outcome, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %d of %d images, %d labelled hands%s%n", outcome.dataset().name(),
                outcome.scoredImages(), outcome.dataset().images().size(), outcome.dataset().handCount(),
                outcome.interrupted() ? " (interrupted)" : "");
        out.printf(Locale.ROOT, "%-12s %6s %6s %8s %8s %6s %8s %8s %10s %9s %7s%n", "run", "recall", "FP", "PCK@0.1",
                "PCK@0.2", "AUC", "EPE px", "MPJPE", "PA-MPJPE", "left/right", "img/s");
        for (ProtocolRun run : outcome.runs()) {
            EvaluationSummary s = run.summary();
            Pose3dSummary pose = s.pose3d().orElse(null);
            out.printf(Locale.ROOT, "%-12s %6s %6d %8s %8s %6s %8s %8s %10s %9s %7s%n", run.key(), fixed(s.recall(), 3),
                    s.falsePositives(), fixed(s.overall().pck().get(0.1), 3), fixed(s.overall().pck().get(0.2), 3),
                    fixed(s.pckCurve().auc(), 3), fixed(s.overall().epeMeanPx(), 1),
                    pose == null ? "-" : fixed(pose.mpjpeMm(), 1), pose == null ? "-" : fixed(pose.paMpjpeMm(), 1),
                    fixed(s.handedness().accuracy(), 3), fixed(s.imagesPerSecond(), 1));
        }
        out.flush();
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
    }
}
