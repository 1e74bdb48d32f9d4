package dev.handscope.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A peer runtime's figures for the same models (the JSON line of MediaPipe's own runtime, TFLite
 * with XNNPACK, as ../shared/tools/peer-native/run.sh prints it last), to print beside ours as a ratio.
 *
 * @param runtime  what ran them, as the peer says
 * @param threads  its thread count
 * @param medianMs per model name, its median in milliseconds
 */
public record PeerFigures(String runtime, int threads, Map<String, Double> medianMs) {

    public PeerFigures {
        medianMs = Map.copyOf(medianMs);
    }

    /** Reads the peer's JSON line from {@code file} (the last non-empty line of its output). */
    public static PeerFigures read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> l.trim().startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new IOException(file + " holds no JSON line; save the last line of peer-native/run.sh's output there");
        }
        try {
            JsonNode peer = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            JsonNode models = peer.path("models");
            if (!models.isObject() || models.isEmpty()) {
                throw new IOException(file + " has no \"models\" with medians; is it peer-native/run.sh's JSON line?");
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            models.fields().forEachRemaining(m -> medians.put(m.getKey(), m.getValue().path("median").asDouble()));
            return new PeerFigures(peer.path("runtime").asText("peer"), peer.path("threads").asInt(), medians);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not the peer's JSON line: " + e.getOriginalMessage(), e);
        }
    }

    /** The peer's median for {@code model}, or NaN when it did not run it. */
    public double median(String model) {
        return medianMs.getOrDefault(model, Double.NaN);
    }
}
