package dev.handscope.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** ONNX Runtime's profiler trace, summed per operator type. */
public final class OnnxTrace {
    private OnnxTrace() {
    }

    /**
     * Milliseconds per run by operator type, largest first: the trace's kernel events (one per
     * operator run; session and graph-level events left out) summed and divided by {@code runs}.
     */
    public static LinkedHashMap<String, Double> perOperator(Path trace, int runs) throws IOException {
        Map<String, Long> micros = new HashMap<>();
        for (JsonNode event : new ObjectMapper().readTree(trace.toFile())) {
            if ("Node".equals(event.path("cat").asText()) && event.path("name").asText().endsWith("_kernel_time")) {
                micros.merge(event.path("args").path("op_name").asText("?"), event.path("dur").asLong(), Long::sum);
            }
        }
        LinkedHashMap<String, Double> perRun = new LinkedHashMap<>();
        micros.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> perRun.put(e.getKey(), e.getValue() / 1000.0 / runs));
        return perRun;
    }
}
