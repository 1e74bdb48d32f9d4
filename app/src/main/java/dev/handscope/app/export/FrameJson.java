package dev.handscope.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.tracking.FrameTimings;
import dev.handscope.engine.tracking.TrackedHand;
import java.io.IOException;
import java.util.List;

/**
 * The one writer of a frame result's JSON. {@link #resultLine} is the command line's contract for
 * one image or frame (detect, track, recordings, failure snapshots):
 * {@code {"frame":..,"timestampMs":..,"image":{"width","height"},"hands":[...],"timingsMs":{...}}}
 * ("frame" and "timestampMs" only for video); {@link #streamMessage} is the event stream's frame
 * message. Both write image and hands through {@link #writeImageAndHands}, so a hand reads the same
 * everywhere. Coordinates: x, y normalised to the unmirrored image.
 */
public final class FrameJson {
    private FrameJson() {
    }

    /**
     * One JSON object on one line. {@code frame} < 0 leaves out frame and timestampMs.
     *
     * @throws IllegalStateException when a hand holds NaN or Infinity (nothing is written)
     */
    public static String resultLine(long frame, double timestampMs, int width, int height, List<TrackedHand> hands,
                                    FrameTimings timings, long extraPreprocessNanos) {
        return JsonLine.of(out -> {
            out.writeStartObject();
            if (frame >= 0) {
                out.writeNumberField("frame", frame);
                out.writeNumberField("timestampMs", Math.round(timestampMs * 1000) / 1000.0);
            }
            writeImageAndHands(out, width, height, hands);
            writeTimings(out, timings, extraPreprocessNanos);
            out.writeEndObject();
        });
    }

    /**
     * The event stream's frame message: {@code {"type":"frame","frame","timestampMs","image","hands",
     * "events":[{"type","hand","gesture"?,"x","y","timeMs"}]}}. Its time is the tracker's, in whole
     * milliseconds (as the events' timeMs).
     */
    public static String streamMessage(long frame, long timeMs, int width, int height, List<TrackedHand> hands,
                                       List<GestureEvent> events) {
        return JsonLine.of(out -> {
            out.writeStartObject();
            out.writeStringField("type", "frame");
            out.writeNumberField("frame", frame);
            out.writeNumberField("timestampMs", timeMs);
            writeImageAndHands(out, width, height, hands);
            writeEvents(out, events);
            out.writeEndObject();
        });
    }

    /** The fields {@code "image":{"width","height"},"hands":[...]} into the object {@code out} is in. */
    public static void writeImageAndHands(JsonGenerator out, int width, int height, List<TrackedHand> hands)
            throws IOException {
        for (TrackedHand hand : hands) {
            requireFinite(hand); // before any of the frame is written
        }
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

    private static void writeTimings(JsonGenerator out, FrameTimings timings, long extraPreprocessNanos)
            throws IOException {
        out.writeObjectFieldStart("timingsMs");
        out.writeNumberField("preprocess", ms(timings.preprocess() + extraPreprocessNanos));
        out.writeNumberField("palm", ms(timings.palm()));
        out.writeNumberField("landmarks", ms(timings.landmarks()));
        out.writeNumberField("postprocess", ms(timings.postprocess()));
        out.writeNumberField("total", ms(timings.total() + extraPreprocessNanos));
        out.writeEndObject();
    }

    private static void writeEvents(JsonGenerator out, List<GestureEvent> events) throws IOException {
        out.writeArrayFieldStart("events");
        for (GestureEvent event : events) {
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

    /** {@code "name":[[x,y,z],...]}: three numbers a point. */
    static void writePoints(JsonGenerator out, String name, float[] xyz) throws IOException {
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
