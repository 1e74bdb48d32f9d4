package dev.handscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.handscope.app.export.FiniteNumbers;
import dev.handscope.app.export.JsonLine;
import dev.handscope.engine.metrics.LatencyStats;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON lines {@code bench} and {@code bench-models} end with. Numbers keep a fixed count of
 * decimals (as the tables above them), so lines from different runs line up and diff cleanly.
 */
final class BenchJson {
    private BenchJson() {
    }

    /** What {@code bench} measured; the stages in the order they are printed. */
    record Pipeline(int frames, String model, int numHands, Map<String, LatencyStats> stages, double fps,
                    double detectorRunsPer100, double jitterRawPx, double jitterSmoothedPx, String runtime,
                    Setting setting) {
    }

    /**
     * How a run was set up, so figures compare: threads per TensorFlow session, whether the palm
     * detector ran beside tracking (bench only; null for bench-models) and the machine.
     */
    record Setting(int intraOpThreads, int interOpThreads, String detection, dev.handscope.app.bench.Machine machine) {
    }

    /** One model's load time and inference latency, for {@code bench-models}. */
    record Model(String name, double loadMs, LatencyStats stats) {
    }

    /** {@code {"frames","model","numHands","stages":{name:{"medianMs","p95Ms","maxMs","count"}},"fps",...,"runtime","threads","detection","machine"}}. */
    static String pipeline(Pipeline bench) {
        return JsonLine.of(out -> {
            out.writeStartObject();
            out.writeNumberField("frames", bench.frames());
            out.writeStringField("model", bench.model());
            out.writeNumberField("numHands", bench.numHands());
            out.writeObjectFieldStart("stages");
            for (Map.Entry<String, LatencyStats> stage : bench.stages().entrySet()) {
                LatencyStats stats = stage.getValue();
                out.writeObjectFieldStart(stage.getKey());
                fixed(out, "medianMs", stats.medianMs(), 3);
                fixed(out, "p95Ms", stats.p95Ms(), 3);
                fixed(out, "maxMs", stats.maxMs(), 3);
                out.writeNumberField("count", stats.count());
                out.writeEndObject();
            }
            out.writeEndObject();
            fixed(out, "fps", bench.fps(), 2);
            fixed(out, "detectorRunsPer100", bench.detectorRunsPer100(), 2);
            fixed(out, "jitterRawPx", bench.jitterRawPx(), 4);
            fixed(out, "jitterSmoothedPx", bench.jitterSmoothedPx(), 4);
            out.writeStringField("runtime", bench.runtime());
            setting(out, bench.setting());
            out.writeEndObject();
        });
    }

    /** {@code "threads":{"intraOp","interOp"},"detection","machine":{"cores","cpu","flags"}}. */
    private static void setting(JsonGenerator out, Setting setting) throws IOException {
        out.writeObjectFieldStart("threads");
        out.writeNumberField("intraOp", setting.intraOpThreads());
        out.writeNumberField("interOp", setting.interOpThreads());
        out.writeEndObject();
        if (setting.detection() != null) {
            out.writeStringField("detection", setting.detection());
        }
        out.writeObjectFieldStart("machine");
        out.writeNumberField("cores", setting.machine().cores());
        out.writeStringField("cpu", setting.machine().cpu());
        out.writeArrayFieldStart("flags");
        for (String flag : setting.machine().flags()) {
            out.writeString(flag);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** {@code {"runs","models":[{"model","loadMs","medianMs","p95Ms","maxMs","meanMs"}],"runtime","threads","machine"}}. */
    static String models(int runs, List<Model> models, String runtime, Setting setting) {
        return JsonLine.of(out -> {
            out.writeStartObject();
            out.writeNumberField("runs", runs);
            out.writeArrayFieldStart("models");
            for (Model model : models) {
                out.writeStartObject();
                out.writeStringField("model", model.name());
                fixed(out, "loadMs", model.loadMs(), 1);
                fixed(out, "medianMs", model.stats().medianMs(), 3);
                fixed(out, "p95Ms", model.stats().p95Ms(), 3);
                fixed(out, "maxMs", model.stats().maxMs(), 3);
                fixed(out, "meanMs", model.stats().meanMs(), 3);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeStringField("runtime", runtime);
            setting(out, setting);
            out.writeEndObject();
        });
    }

    /** {@code value} with exactly {@code decimals} decimals, as the tables print it ({@code %.Nf}). */
    private static void fixed(JsonGenerator out, String name, double value, int decimals) throws IOException {
        FiniteNumbers.require(value, name, "bench");
        out.writeFieldName(name);
        out.writeNumber(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }
}
