package dev.handscope.app.export.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.engine.hand.HandTopology;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A session recording's results read back: the JSON lines beside the lossless video. A recording
 * cut short (the last line half written when the app stopped) reads up to the first line that is
 * not a whole frame; {@link #droppedLines} says how many lines were left out from there on.
 *
 * @param results      the JSON-lines file read
 * @param frames       the whole frames, in order
 * @param droppedLines lines from the first broken one to the end (0 for a complete recording)
 */
public record Recording(Path results, List<RecordedFrame> frames, int droppedLines) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a recording named by its results (.jsonl) or its video (.mkv, with the .jsonl of the
     * same name beside it).
     *
     * @throws NoSuchFileException when there is no such results file
     */
    public static Recording read(Path named) throws IOException {
        Path results = resultsOf(named);
        if (!Files.isRegularFile(results)) {
            throw new NoSuchFileException(results.toString(), null, "no recording results (.jsonl) there");
        }
        List<RecordedFrame> frames = new ArrayList<>();
        int dropped = 0;
        try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (dropped > 0) {
                    dropped++;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                RecordedFrame frame = frame(line);
                if (frame == null) {
                    dropped = 1;
                } else {
                    frames.add(frame);
                }
            }
        }
        return new Recording(results, List.copyOf(frames), dropped);
    }

    /** The .jsonl of a recording named by either of its files. */
    static Path resultsOf(Path named) {
        String name = named.getFileName().toString();
        if (name.endsWith(".mkv")) {
            return named.resolveSibling(name.substring(0, name.length() - 4) + ".jsonl");
        }
        return named;
    }

    /** The frames' median spacing in milliseconds (33.3 for a single frame). */
    public double medianFrameMs() {
        double[] gaps = new double[Math.max(0, frames.size() - 1)];
        for (int i = 1; i < frames.size(); i++) {
            gaps[i - 1] = frames.get(i).timeMs() - frames.get(i - 1).timeMs();
        }
        java.util.Arrays.sort(gaps);
        return gaps.length == 0 || gaps[gaps.length / 2] <= 0 ? 1000.0 / 30 : gaps[gaps.length / 2];
    }

    /** The frame a line holds, or null when the line is not one whole frame. */
    private static RecordedFrame frame(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
        JsonNode image = node.path("image");
        JsonNode hands = node.path("hands");
        if (!node.has("frame") || !image.has("width") || !hands.isArray()) {
            return null;
        }
        List<RecordedHand> read = new ArrayList<>();
        for (JsonNode hand : hands) {
            float[] landmarks = points(hand.path("landmarks"));
            float[] world = points(hand.path("worldLandmarks"));
            if (landmarks == null || world == null) {
                return null;
            }
            read.add(new RecordedHand(hand.path("id").asInt(), hand.path("handedness").asText(),
                    hand.path("handednessScore").asDouble(), landmarks, world));
        }
        return new RecordedFrame(node.get("frame").asLong(), node.path("timestampMs").asDouble(),
                image.get("width").asInt(), image.path("height").asInt(), List.copyOf(read));
    }

    private static float[] points(JsonNode array) {
        if (!array.isArray() || array.size() != HandTopology.LANDMARKS) {
            return null;
        }
        float[] out = new float[3 * HandTopology.LANDMARKS];
        for (int i = 0; i < HandTopology.LANDMARKS; i++) {
            JsonNode point = array.get(i);
            if (point.size() != 3) {
                return null;
            }
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = (float) point.get(k).asDouble();
            }
        }
        return out;
    }
}
