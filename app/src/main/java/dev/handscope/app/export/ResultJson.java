package dev.handscope.app.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.tracking.FrameTimings;
import dev.handscope.engine.tracking.TrackedHand;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * The command line's JSON contract for one image or frame:
 * {@code {"frame":..,"timestampMs":..,"image":{"width","height"},"hands":[...],"timingsMs":{...}}}
 * ("frame" and "timestampMs" only for video). Coordinates: x, y normalised to the unmirrored image.
 */
public final class ResultJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ResultJson() {
    }

    /** One JSON object on one line. {@code frame} < 0 leaves out frame and timestampMs. */
    public static String write(long frame, double timestampMs, int width, int height, List<TrackedHand> hands,
                        FrameTimings timings, long extraPreprocessNanos) throws IOException {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            if (frame >= 0) {
                out.writeNumberField("frame", frame);
                out.writeNumberField("timestampMs", Math.round(timestampMs * 1000) / 1000.0);
            }
            writeImageAndHands(out, width, height, hands);
            out.writeObjectFieldStart("timingsMs");
            long preprocess = timings.preprocess() + extraPreprocessNanos;
            out.writeNumberField("preprocess", ms(preprocess));
            out.writeNumberField("palm", ms(timings.palm()));
            out.writeNumberField("landmarks", ms(timings.landmarks()));
            out.writeNumberField("postprocess", ms(timings.postprocess()));
            out.writeNumberField("total", ms(timings.total() + extraPreprocessNanos));
            out.writeEndObject();
            out.writeEndObject();
        }
        return text.toString();
    }

    private static void writeImageAndHands(JsonGenerator out, int width, int height, List<TrackedHand> hands)
            throws IOException {
        out.writeObjectFieldStart("image");
        out.writeNumberField("width", width);
        out.writeNumberField("height", height);
        out.writeEndObject();
        out.writeArrayFieldStart("hands");
        for (TrackedHand hand : hands) {
            writeHand(out, hand);
        }
        out.writeEndArray();
    }

    /**
     * The event stream's frame message: {@code {"type":"frame","frame","timestampMs","image","hands",
     * "events":[{"type","hand","gesture"?,"x","y","timeMs"}]}}.
     */
    public static String frameMessage(long frame, long timeMs, int width, int height, List<TrackedHand> hands,
                                      List<dev.handscope.engine.gesture.GestureEvent> events) throws IOException {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("type", "frame");
            out.writeNumberField("frame", frame);
            out.writeNumberField("timestampMs", timeMs);
            writeImageAndHands(out, width, height, hands);
            out.writeArrayFieldStart("events");
            for (var event : events) {
                out.writeStartObject();
                out.writeStringField("type", event.type());
                out.writeNumberField("hand", event.handId());
                if (event.gesture() != null) {
                    out.writeStringField("gesture", event.gesture());
                }
                out.writeNumberField("x", (float) event.x());
                out.writeNumberField("y", (float) event.y());
                out.writeNumberField("timeMs", event.timeMs());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return text.toString();
    }

    /** Refuses a hand with a non-finite number before any of it is written. */
    private static void requireFinite(TrackedHand hand) {
        String where = "hand " + hand.id();
        RotatedRect rect = hand.rect();
        String[] names = {"cx", "cy", "w", "h", "rotation"};
        double[] values = {rect.centerX(), rect.centerY(), rect.width(), rect.height(), rect.rotation()};
        for (int i = 0; i < names.length; i++) {
            FiniteNumbers.require(values[i], "rect." + names[i], where);
        }
        FiniteNumbers.require(hand.handedness().score(), "handednessScore", where);
        FiniteNumbers.require(hand.presence(), "presence", where);
        FiniteNumbers.require(hand.landmarks(), 3, "landmarks point", where);
        FiniteNumbers.require(hand.worldLandmarks(), 3, "worldLandmarks point", where);
        if (hand.gesture() != null) {
            FiniteNumbers.require(hand.gesture().score(), "gesture score", where);
            FiniteNumbers.require(hand.gesture().pinchDistance(), "pinchDistance", where);
        }
    }

    private static void writeHand(JsonGenerator out, TrackedHand hand) throws IOException {
        requireFinite(hand);
        out.writeStartObject();
        out.writeNumberField("id", hand.id());
        out.writeStringField("handedness", hand.handedness().label());
        out.writeNumberField("handednessScore", (float) hand.handedness().score());
        out.writeNumberField("presence", (float) hand.presence());
        RotatedRect rect = hand.rect();
        out.writeObjectFieldStart("rect");
        out.writeNumberField("cx", (float) rect.centerX());
        out.writeNumberField("cy", (float) rect.centerY());
        out.writeNumberField("w", (float) rect.width());
        out.writeNumberField("h", (float) rect.height());
        out.writeNumberField("rotation", (float) rect.rotation());
        out.writeEndObject();
        if (hand.gesture() != null) {
            out.writeObjectFieldStart("gesture");
            out.writeStringField("name", hand.gesture().name());
            out.writeNumberField("score", (float) hand.gesture().score());
            if (hand.gesture().pinchDistance() >= 0) {
                out.writeNumberField("pinchDistance", (float) hand.gesture().pinchDistance());
            }
            out.writeEndObject();
        }
        writePoints(out, "landmarks", hand.landmarks());
        writePoints(out, "worldLandmarks", hand.worldLandmarks());
        out.writeEndObject();
    }

    private static void writePoints(JsonGenerator out, String name, float[] xyz) throws IOException {
        out.writeArrayFieldStart(name);
        for (int i = 0; i + 2 < xyz.length; i += 3) {
            out.writeStartArray();
            out.writeNumber(xyz[i]);
            out.writeNumber(xyz[i + 1]);
            out.writeNumber(xyz[i + 2]);
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
