package dev.handscope.app.eval;

import dev.handscope.engine.eval.ErrorHistogram;
import dev.handscope.engine.eval.EvaluationSummary;
import dev.handscope.engine.eval.JointErrors;
import dev.handscope.engine.eval.Pose3dSummary;
import dev.handscope.engine.hand.HandTopology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * report.html: one self-contained page (no network: charts embedded as PNG data, the gallery's
 * drawings in gallery/ beside it) with the summary table, the curves and breakdowns, and the gallery.
 */
final class HtmlReport {
    private static final double HEADLINE_PCK = 0.1;
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1180px;color:#222;padding:0 16px}
            h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}
            th{background:#f3f3f3}td.l,th.l{text-align:left}.muted{color:#777}.warn{color:#b00}
            .charts img{margin:4px 8px 4px 0;border:1px solid #eee}
            .gallery{display:flex;flex-wrap:wrap;gap:10px}.gallery figure{margin:0;width:560px}
            .gallery img{width:560px;border:1px solid #ccc}figcaption{font-size:12px;color:#555}
            code{background:#f5f5f5;padding:0 3px}.wide{overflow-x:auto}
            """;

    private HtmlReport() {
    }

    static String render(EvaluationRun.Outcome outcome, List<RunReport> runs, List<Disagreement> disagreements,
                         List<EvaluationReport.GalleryEntry> gallery) throws IOException {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HandScope evaluation: ")
                .append(escape(outcome.dataset().name())).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
        header(html, outcome);
        models(html, runs);
        summaryTable(html, runs);
        charts(html, runs);
        breakdownTable(html, runs, "Per joint class", run -> run.summary().perJointClass());
        breakdownTable(html, runs, "Per finger", run -> run.summary().perFinger());
        galleries(html, runs, disagreements, gallery);
        definitions(html);
        return html.append("</body></html>\n").toString();
    }

    private static void header(StringBuilder html, EvaluationRun.Outcome outcome) {
        html.append("<h1>HandScope evaluation: ").append(escape(outcome.dataset().name())).append("</h1>");
        html.append("<p class=\"muted\">").append(outcome.scoredImages()).append(" of ")
                .append(outcome.dataset().images().size()).append(" images scored, ")
                .append(outcome.dataset().handCount()).append(" labelled hands, images from <code>")
                .append(escape(outcome.dataset().imageFolder().toString())).append("</code>, ")
                .append(format("%.1f", outcome.nanos() / 1e9)).append(" s.</p>");
        if (outcome.interrupted()) {
            html.append("<p class=\"warn\">Interrupted: the figures cover only the images scored before the stop.</p>");
        }
        if (!outcome.skipped().isEmpty()) {
            html.append("<p class=\"warn\">").append(outcome.skipped().size()).append(" images skipped:</p><ul>");
            outcome.skipped().forEach(s -> html.append("<li>image ").append(s.image().id()).append(": ")
                    .append(escape(s.reason())).append("</li>"));
            html.append("</ul>");
        }
    }

    private static void models(StringBuilder html, List<RunReport> runs) {
        html.append("<h2>Models</h2><div class=\"wide\"><table><tr><th class=\"l\">model</th><th class=\"l\">as given</th>"
                + "<th class=\"l\">role</th><th class=\"l\">name</th><th class=\"l\">family</th>"
                + "<th class=\"l\">source sha256</th></tr>");
        runs.stream().map(r -> r.run().model()).distinct().forEach(model -> model.files().forEach(file ->
                html.append("<tr><td class=\"l\">").append(escape(model.label())).append("</td><td class=\"l\">")
                        .append(escape(model.name())).append("</td><td class=\"l\">").append(escape(file.role()))
                        .append("</td><td class=\"l\">").append(escape(file.name())).append("</td><td class=\"l\">")
                        .append(escape(file.kind())).append("</td><td class=\"l\"><code>").append(escape(file.sha256()))
                        .append("</code></td></tr>")));
        html.append("</table></div>");
    }

    private static void summaryTable(StringBuilder html, List<RunReport> runs) {
        html.append("<h2>Summary</h2><div class=\"wide\"><table><tr><th class=\"l\">run</th><th>hands</th><th>recall</th><th>false pos.</th>");
        EvaluationSummary.PCK_THRESHOLDS.forEach(t -> html.append("<th>PCK@").append(t).append("</th>"));
        html.append("<th>AUC 0–0.2</th><th>EPE mean px</th><th>EPE median px</th><th>MPJPE mm</th><th>PA-MPJPE mm</th>"
                + "<th>3D AUC 0–50 mm</th><th>handedness</th><th>images/s</th></tr>");
        for (RunReport run : runs) {
            EvaluationSummary s = run.summary();
            html.append("<tr><td class=\"l\">").append(escape(run.run().key())).append("</td><td>")
                    .append(s.labelledHands()).append("</td>").append(cell("%.3f", s.recall())).append("<td>")
                    .append(s.falsePositives()).append("</td>");
            s.overall().pck().values().forEach(v -> html.append(cell("%.3f", v)));
            html.append(cell("%.3f", s.pckCurve().auc())).append(cell("%.1f", s.overall().epeMeanPx()))
                    .append(cell("%.1f", s.overall().epeMedianPx()));
            Pose3dSummary pose = s.pose3d().orElse(null);
            html.append(cell("%.1f", pose == null ? Double.NaN : pose.mpjpeMm()))
                    .append(cell("%.1f", pose == null ? Double.NaN : pose.paMpjpeMm()))
                    .append(cell("%.3f", pose == null ? Double.NaN : pose.paPck().auc()));
            html.append(s.handedness().known() == 0 ? "<td>–</td>"
                    : "<td>" + format("%.3f", s.handedness().accuracy()) + " (" + s.handedness().correct() + "/"
                    + s.handedness().known() + ")</td>");
            html.append(cell("%.1f", s.imagesPerSecond())).append("</tr>");
        }
        html.append("</table></div>");
    }

    private static void charts(StringBuilder html, List<RunReport> runs) throws IOException {
        html.append("<h2>Charts</h2><div class=\"charts\">");
        double[] x = runs.get(0).summary().pckCurve().thresholds();
        image(html, "PCK curve", ReportCharts.curves("PCK by threshold (error / max(box w, h))", "threshold",
                "fraction of joints within", x, perRun(runs, r -> r.summary().pckCurve().fractions())));
        List<RunReport> with3d = runs.stream().filter(r -> r.summary().pose3d().isPresent()).toList();
        if (!with3d.isEmpty()) {
            double[] mm = with3d.get(0).summary().pose3d().get().paPck().thresholds();
            image(html, "3D PCK curve", ReportCharts.curves("3D PCK after Procrustes alignment", "threshold (mm)",
                    "fraction of joints within", mm, perRun(with3d, r -> r.summary().pose3d().get().paPck().fractions())));
        }
        List<String> joints = new ArrayList<>();
        for (int joint = 0; joint < HandTopology.LANDMARKS; joint++) {
            joints.add(HandTopology.displayName(joint));
        }
        image(html, "PCK per joint", ReportCharts.bars("PCK@" + HEADLINE_PCK + " per joint", "PCK@" + HEADLINE_PCK,
                joints, perRun(runs, r -> r.summary().perJoint().stream().mapToDouble(HtmlReport::headline).toArray())));
        List<String> classes = new ArrayList<>(runs.get(0).summary().perJointClass().keySet());
        image(html, "PCK per joint class", ReportCharts.bars("PCK@" + HEADLINE_PCK + " per joint class",
                "PCK@" + HEADLINE_PCK, classes, perRun(runs,
                        r -> r.summary().perJointClass().values().stream().mapToDouble(HtmlReport::headline).toArray())));
        image(html, "EPE per joint class", ReportCharts.bars("Mean pixel error per joint class (detected hands)",
                "EPE (px)", classes, perRun(runs,
                        r -> r.summary().perJointClass().values().stream().mapToDouble(JointErrors.Stats::epeMeanPx)
                                .toArray())));
        List<String> bins = new ArrayList<>();
        for (int bin = 0; bin < ErrorHistogram.BINS; bin++) {
            double edge = runs.get(0).summary().errorHistogram().lowerEdge(bin);
            bins.add(bin == ErrorHistogram.BINS - 1 ? format("≥%.2f", edge) : format("%.2f", edge));
        }
        image(html, "Error histogram", ReportCharts.bars("Joint errors (error / max(box w, h), detected hands)",
                "fraction of joints", bins, perRun(runs, HtmlReport::histogramFractions)));
        html.append("</div>");
    }

    private static double[] histogramFractions(RunReport run) {
        ErrorHistogram histogram = run.summary().errorHistogram();
        double[] fractions = new double[ErrorHistogram.BINS];
        for (int bin = 0; bin < fractions.length; bin++) {
            fractions[bin] = histogram.total() == 0 ? Double.NaN : (double) histogram.count(bin) / histogram.total();
        }
        return fractions;
    }

    private static double headline(JointErrors.Stats stats) {
        return stats.pck().getOrDefault(HEADLINE_PCK, Double.NaN);
    }

    private static Map<String, double[]> perRun(List<RunReport> runs, Function<RunReport, double[]> values) {
        Map<String, double[]> out = new LinkedHashMap<>();
        runs.forEach(run -> out.put(run.run().key(), values.apply(run)));
        return out;
    }

    private static void breakdownTable(StringBuilder html, List<RunReport> runs, String title,
                                       Function<RunReport, Map<String, JointErrors.Stats>> groups) {
        html.append("<h2>").append(title).append("</h2><table><tr><th class=\"l\">run</th><th class=\"l\">group</th>"
                + "<th>joints</th>");
        EvaluationSummary.PCK_THRESHOLDS.forEach(t -> html.append("<th>PCK@").append(t).append("</th>"));
        html.append("<th>EPE mean px</th><th>EPE median px</th></tr>");
        for (RunReport run : runs) {
            for (Map.Entry<String, JointErrors.Stats> group : groups.apply(run).entrySet()) {
                JointErrors.Stats stats = group.getValue();
                html.append("<tr><td class=\"l\">").append(escape(run.run().key())).append("</td><td class=\"l\">")
                        .append(escape(group.getKey())).append("</td><td>").append(stats.joints()).append("</td>");
                stats.pck().values().forEach(v -> html.append(cell("%.3f", v)));
                html.append(cell("%.1f", stats.epeMeanPx())).append(cell("%.1f", stats.epeMedianPx())).append("</tr>");
            }
        }
        html.append("</table>");
    }

    private static void galleries(StringBuilder html, List<RunReport> runs, List<Disagreement> disagreements,
                                  List<EvaluationReport.GalleryEntry> gallery) {
        for (RunReport run : runs) {
            section(html, "Worst hands: " + run.run().key(), run.run().key(), gallery);
        }
        if (!disagreements.isEmpty()) {
            section(html, "Where the two models disagree most", EvaluationReport.DISAGREEMENTS, gallery);
        }
    }

    private static void section(StringBuilder html, String title, String section,
                                List<EvaluationReport.GalleryEntry> gallery) {
        List<EvaluationReport.GalleryEntry> entries = gallery.stream().filter(e -> e.section().equals(section)).toList();
        if (entries.isEmpty()) {
            return;
        }
        html.append("<h2>").append(escape(title)).append("</h2><p class=\"muted\">Left: the labels (white);"
                + " right: the model's answer.</p><div class=\"gallery\">");
        for (EvaluationReport.GalleryEntry entry : entries) {
            html.append("<figure><img src=\"").append(escape(entry.file())).append("\" alt=\"")
                    .append(escape(entry.title())).append("\"><figcaption>").append(escape(entry.title()))
                    .append("</figcaption></figure>");
        }
        html.append("</div>");
    }

    private static void definitions(StringBuilder html) {
        html.append("""
                <h2>How these are measured</h2><ul>
                <li><b>detector</b>: the model finds the hands; its hands are matched one to one to the labelled ones\
                 (mean joint distance over the box's longer side, at most 0.5); a missed hand scores 0 for all its\
                 joints (HandOS's rule). <b>gt</b>: the landmark model runs on a square crop around each labelled box\
                 (top-down, as mmpose evaluates).</li>
                <li><b>PCK@t</b>: the fraction of labelled joints whose error is at most t × max(box w, h); the curve\
                 runs over t = 0 … 0.2 and its <b>AUC</b> is the area under it over 0.2 (1 is perfect).</li>
                <li><b>EPE</b>: the pixel error of labelled joints of detected hands (missed hands are left out).</li>
                <li><b>MPJPE</b>: 3D error per joint after moving the prediction's wrist onto the label's;\
                 <b>PA-MPJPE</b>: after the similarity (rotation, scale, translation) that fits best; 3D AUC over\
                 0–50 mm. From the model's world landmarks, in mm.</li>
                <li><b>handedness</b>: physical left or right as seen in the unmirrored image, where the label says.</li>
                </ul>""");
    }

    private static void image(StringBuilder html, String alt, byte[] png) {
        html.append("<img alt=\"").append(escape(alt)).append("\" width=\"").append(ReportCharts.WIDTH)
                .append("\" height=\"").append(ReportCharts.HEIGHT).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">");
    }

    private static String cell(String pattern, double value) {
        return Double.isFinite(value) ? "<td>" + format(pattern, value) + "</td>" : "<td>–</td>";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
