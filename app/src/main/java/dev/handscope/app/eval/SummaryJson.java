package dev.handscope.app.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.handscope.engine.eval.ErrorHistogram;
import dev.handscope.engine.eval.EvaluationSummary;
import dev.handscope.engine.eval.HandednessSummary;
import dev.handscope.engine.eval.JointErrors;
import dev.handscope.engine.eval.PckCurve;
import dev.handscope.engine.eval.Pose3dSummary;
import dev.handscope.engine.hand.HandTopology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * summary.json: every figure of the report, machine-readable, with stable keys. A figure that
 * could not be measured (no detected hand, no 3D labels) is {@code null}, never 0.
 */
final class SummaryJson {
    static final String FILE = "summary.json";
    static final String FORMAT = "handscope-evaluation/1";

    private SummaryJson() {
    }

    /** The key of a PCK threshold: {@code pck@0.1}. */
    static String pckKey(double threshold) {
        return "pck@" + threshold;
    }

    static void write(Path file, EvaluationRun.Outcome outcome, List<RunReport> runs, List<Disagreement> disagreements)
            throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            dataset(g, outcome);
            g.writeArrayFieldStart("runs");
            for (RunReport run : runs) {
                run(g, run);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("disagreements");
            for (Disagreement d : disagreements) {
                g.writeStartObject();
                g.writeStringField("protocol", d.protocol().key());
                g.writeNumberField("image_id", d.a().image().id());
                g.writeStringField("file", d.a().image().fileName());
                g.writeNumberField("annotation_id", d.a().label().id());
                number(g, "a_mean_error_of_box", d.a().meanNormalisedError());
                number(g, "b_mean_error_of_box", d.b().meanNormalisedError());
                number(g, "disagreement_of_box", d.amount());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void dataset(JsonGenerator g, EvaluationRun.Outcome outcome) throws IOException {
        g.writeObjectFieldStart("dataset");
        g.writeStringField("name", outcome.dataset().name());
        g.writeStringField("images_folder", outcome.dataset().imageFolder().toString());
        g.writeNumberField("images", outcome.dataset().images().size());
        g.writeNumberField("labelled_hands", outcome.dataset().handCount());
        g.writeNumberField("scored_images", outcome.scoredImages());
        g.writeBooleanField("interrupted", outcome.interrupted());
        g.writeNumberField("seconds", outcome.nanos() / 1e9);
        g.writeArrayFieldStart("skipped_images");
        for (SkippedImage skipped : outcome.skipped()) {
            g.writeStartObject();
            g.writeNumberField("id", skipped.image().id());
            g.writeStringField("file", skipped.image().fileName());
            g.writeStringField("reason", skipped.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void run(JsonGenerator g, RunReport report) throws IOException {
        ProtocolRun run = report.run();
        EvaluationSummary s = report.summary();
        g.writeStartObject();
        g.writeStringField("key", run.key());
        g.writeStringField("model", run.model().label());
        g.writeStringField("name", run.model().name());
        g.writeStringField("protocol", run.protocol().key());
        g.writeArrayFieldStart("files");
        for (ModelIdentity file : run.model().files()) {
            g.writeStartObject();
            g.writeStringField("role", file.role());
            g.writeStringField("folder", file.folder().toString());
            g.writeStringField("name", file.name());
            g.writeStringField("kind", file.kind());
            g.writeStringField("sha256", file.sha256());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("images", s.images());
        g.writeNumberField("labelled_hands", s.labelledHands());
        g.writeNumberField("detected_hands", s.detectedHands());
        g.writeNumberField("missed_hands", s.missedHands());
        g.writeNumberField("false_positives", s.falsePositives());
        number(g, "recall", s.recall());
        stats(g, s.overall());
        number(g, "auc", s.pckCurve().auc());
        curve(g, "pck_curve", s.pckCurve());
        g.writeObjectFieldStart("per_joint");
        for (int joint = 0; joint < HandTopology.LANDMARKS; joint++) {
            g.writeObjectFieldStart(HandTopology.NAMES[joint]);
            stats(g, s.perJoint().get(joint));
            g.writeEndObject();
        }
        g.writeEndObject();
        group(g, "per_finger", s.perFinger());
        group(g, "per_joint_class", s.perJointClass());
        pose3d(g, s);
        HandednessSummary side = s.handedness();
        g.writeObjectFieldStart("handedness");
        g.writeNumberField("known", side.known());
        g.writeNumberField("correct", side.correct());
        number(g, "accuracy", side.accuracy());
        g.writeEndObject();
        histogram(g, s.errorHistogram());
        number(g, "images_per_second", s.imagesPerSecond());
        g.writeEndObject();
    }

    private static void pose3d(JsonGenerator g, EvaluationSummary s) throws IOException {
        if (s.pose3d().isEmpty()) {
            g.writeNullField("pose3d");
            return;
        }
        Pose3dSummary pose = s.pose3d().get();
        g.writeObjectFieldStart("pose3d");
        g.writeNumberField("hands", pose.hands());
        number(g, "mpjpe_mm", pose.mpjpeMm());
        number(g, "pa_mpjpe_mm", pose.paMpjpeMm());
        number(g, "pa_auc_0_50mm", pose.paPck().auc());
        curve(g, "pa_pck_curve_mm", pose.paPck());
        g.writeObjectFieldStart("pa_mpjpe_per_joint_class_mm");
        for (Map.Entry<String, Double> entry : pose.paMpjpePerClassMm().entrySet()) {
            number(g, entry.getKey(), entry.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void group(JsonGenerator g, String name, Map<String, JointErrors.Stats> groups) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, JointErrors.Stats> entry : groups.entrySet()) {
            g.writeObjectFieldStart(entry.getKey());
            stats(g, entry.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** joints, pck@t for each threshold, epe_px_mean, epe_px_median (fields of the current object). */
    private static void stats(JsonGenerator g, JointErrors.Stats stats) throws IOException {
        g.writeNumberField("joints", stats.joints());
        for (Map.Entry<Double, Double> pck : stats.pck().entrySet()) {
            number(g, pckKey(pck.getKey()), pck.getValue());
        }
        number(g, "epe_px_mean", stats.epeMeanPx());
        number(g, "epe_px_median", stats.epeMedianPx());
    }

    private static void curve(JsonGenerator g, String name, PckCurve curve) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeArrayFieldStart("thresholds");
        for (double t : curve.thresholds()) {
            g.writeNumber(t);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("fractions");
        for (double f : curve.fractions()) {
            numberItem(g, f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void histogram(JsonGenerator g, ErrorHistogram histogram) throws IOException {
        g.writeObjectFieldStart("error_histogram");
        g.writeStringField("of", "labelled joints of detected hands, error / max(box w, h); the last bin is open");
        g.writeArrayFieldStart("lower_edges");
        for (int bin = 0; bin < ErrorHistogram.BINS; bin++) {
            g.writeNumber(histogram.lowerEdge(bin));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("counts");
        for (int bin = 0; bin < ErrorHistogram.BINS; bin++) {
            g.writeNumber(histogram.count(bin));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double value) throws IOException {
        g.writeFieldName(name);
        numberItem(g, value);
    }

    private static void numberItem(JsonGenerator g, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            g.writeNull();
        }
    }
}
