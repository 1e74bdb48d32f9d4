package dev.handscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.engine.metrics.LatencyStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON lines bench and bench-models end with: valid JSON, the documented fields, fixed decimals. */
class BenchJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final dev.handscope.app.bench.Machine MACHINE = new dev.handscope.app.bench.Machine(2, "AMD EPYC",
            List.of("avx2", "fma"));
    private static final String SETTING = ",\"threads\":{\"intraOp\":1,\"interOp\":1}";
    private static final String MACHINE_JSON = ",\"machine\":{\"cores\":2,\"cpu\":\"AMD EPYC\",\"flags\":[\"avx2\",\"fma\"]}";
    private static final LatencyStats STATS = LatencyStats.of(new long[] {1_230_000, 1_500_000, 2_000_000}, 3);

    private static BenchJson.Pipeline pipeline(double fps) {
        Map<String, LatencyStats> stages = new LinkedHashMap<>();
        stages.put("decode", STATS);
        stages.put("total", STATS);
        return new BenchJson.Pipeline(3, "full", 2, stages, fps, 33.3333, 0.12345, 0.05, "TensorFlow 1.0 \"cpu\"",
                new BenchJson.Setting(1, 1, "concurrent", MACHINE));
    }

    @Test
    void benchLineParsesAndHasTheDocumentedFields() throws Exception {
        String line = BenchJson.pipeline(pipeline(29.995));
        JsonNode bench = JSON.readTree(line);
        assertEquals(List.of("frames", "model", "numHands", "stages", "fps", "detectorRunsPer100", "jitterRawPx",
                "jitterSmoothedPx", "runtime", "threads", "detection", "machine"), fieldNames(bench));
        assertEquals(List.of("decode", "total"), fieldNames(bench.get("stages")));
        assertEquals(List.of("medianMs", "p95Ms", "maxMs", "count"), fieldNames(bench.get("stages").get("total")));
        assertEquals("TensorFlow 1.0 \"cpu\"", bench.get("runtime").asText(), "strings are escaped");
        // The numbers keep the tables' fixed decimals, as the hand-built line had them.
        assertEquals("{\"frames\":3,\"model\":\"full\",\"numHands\":2,\"stages\":{"
                + "\"decode\":{\"medianMs\":1.500,\"p95Ms\":2.000,\"maxMs\":2.000,\"count\":3},"
                + "\"total\":{\"medianMs\":1.500,\"p95Ms\":2.000,\"maxMs\":2.000,\"count\":3}},"
                + "\"fps\":30.00,\"detectorRunsPer100\":33.33,\"jitterRawPx\":0.1235,\"jitterSmoothedPx\":0.0500,"
                + "\"runtime\":\"TensorFlow 1.0 \\\"cpu\\\"\"" + SETTING + ",\"detection\":\"concurrent\"" + MACHINE_JSON
                + "}", line);
    }

    @Test
    void benchModelsLineParsesAndHasTheDocumentedFields() throws Exception {
        String line = BenchJson.models(3, List.of(new BenchJson.Model("hand_landmark_full", 12.34, STATS),
                new BenchJson.Model("palm_detection_lite", 5, STATS)), "TensorFlow 1.0 cpu",
                new BenchJson.Setting(1, 1, null, MACHINE));
        JsonNode models = JSON.readTree(line);
        assertEquals(List.of("runs", "models", "runtime", "threads", "machine"), fieldNames(models));
        assertEquals(2, models.get("models").size());
        assertEquals(List.of("model", "loadMs", "medianMs", "p95Ms", "maxMs", "meanMs"),
                fieldNames(models.get("models").get(1)));
        assertEquals("{\"runs\":3,\"models\":[{\"model\":\"hand_landmark_full\",\"loadMs\":12.3,\"medianMs\":1.500,"
                + "\"p95Ms\":2.000,\"maxMs\":2.000,\"meanMs\":1.577},{\"model\":\"palm_detection_lite\",\"loadMs\":5.0,"
                + "\"medianMs\":1.500,\"p95Ms\":2.000,\"maxMs\":2.000,\"meanMs\":1.577}],\"runtime\":\"TensorFlow 1.0 cpu\""
                + SETTING + MACHINE_JSON + "}",
                line);
    }

    @Test
    void aNonFiniteFigureIsRefusedNotWritten() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> BenchJson.pipeline(pipeline(Double.POSITIVE_INFINITY)));
        assertEquals("bench: fps is Infinity; HandScope does not write NaN or Infinity", error.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
