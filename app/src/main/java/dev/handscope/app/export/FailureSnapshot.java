package dev.handscope.app.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.handscope.engine.mining.MinedFailure;
import dev.handscope.engine.model.ModelView;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.result.FrameResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Everything needed to look into one frame where a model failed: the frame, every crop the
 * landmark model saw, its raw outputs, the decoded results, and the settings that produced them.
 */
public final class FailureSnapshot {
    private FailureSnapshot() {
    }

    /**
     * @param rgb      the frame's pixels (packed RGB rows)
     * @param settings what produced the results (model, thresholds, device, source...)
     */
    public static void write(Path folder, byte[] rgb, int width, int height, FrameResult result,
                             Map<String, Object> settings) throws IOException {
        Files.createDirectories(folder);
        writePng(folder.resolve("frame.png"), rgb, width, height);
        Files.writeString(folder.resolve("results.json"),
                FrameJson.resultLine(result, -1) + "\n");
        JsonFactory json = new JsonFactory();
        for (HandResult hand : result.hands()) {
            ModelView view = hand.debug();
            if (view == null) {
                continue;
            }
            writePng(folder.resolve("crop-" + hand.id() + ".png"), view.crop(), view.side(), view.side());
            try (Writer out = Files.newBufferedWriter(folder.resolve("raw-" + hand.id() + ".json"));
                 JsonGenerator g = json.createGenerator(out).useDefaultPrettyPrinter()) {
                g.writeStartObject();
                g.writeStringField("model", "hand landmarks: outputs for crop-" + hand.id() + ".png");
                String[] names = {"landmarks", "presence", "handedness", "world_landmarks"};
                for (int i = 0; i < names.length; i++) {
                    g.writeArrayFieldStart(names[i]);
                    for (float v : view.outputs()[i]) {
                        g.writeNumber(v);
                    }
                    g.writeEndArray();
                }
                g.writeObjectFieldStart("rect");
                g.writeNumberField("cx", hand.region().centerX());
                g.writeNumberField("cy", hand.region().centerY());
                g.writeNumberField("w", hand.region().width());
                g.writeNumberField("h", hand.region().height());
                g.writeNumberField("rotation", hand.region().rotation());
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        try (Writer out = Files.newBufferedWriter(folder.resolve("palms.json"));
             JsonGenerator g = json.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeBooleanField("detectorRan", result.detectorRan());
            g.writeArrayFieldStart("palms");
            for (var palm : result.detections()) {
                g.writeStartObject();
                g.writeNumberField("score", palm.score());
                g.writeNumberField("xmin", palm.xmin());
                g.writeNumberField("ymin", palm.ymin());
                g.writeNumberField("width", palm.width());
                g.writeNumberField("height", palm.height());
                g.writeArrayFieldStart("keypoints");
                for (float v : palm.keypoints()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        try (Writer out = Files.newBufferedWriter(folder.resolve("settings.json"));
             JsonGenerator g = json.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            for (Map.Entry<String, Object> entry : settings.entrySet()) {
                g.writeStringField(entry.getKey(), String.valueOf(entry.getValue()));
            }
            g.writeEndObject();
        }
    }

    /**
     * Writes trigger.json beside a snapshot: what made failure mining take it (each trigger's key,
     * description, hand id, detail, frame number and time).
     */
    public static void writeTriggers(Path folder, List<MinedFailure> failures) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve("trigger.json"));
             JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeArrayFieldStart("triggers");
            for (MinedFailure failure : failures) {
                g.writeStartObject();
                g.writeStringField("key", failure.trigger().key());
                g.writeStringField("description", failure.trigger().description());
                g.writeNumberField("hand", failure.handId());
                g.writeStringField("detail", failure.detail());
                g.writeNumberField("frame", failure.sequence());
                g.writeNumberField("timeMs", failure.timeNanos() / 1_000_000);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writePng(Path file, byte[] rgb, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * 3;
                image.setRGB(x, y, (rgb[at] & 0xff) << 16 | (rgb[at + 1] & 0xff) << 8 | (rgb[at + 2] & 0xff));
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
