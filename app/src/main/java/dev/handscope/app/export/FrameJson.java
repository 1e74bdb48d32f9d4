package dev.handscope.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.headpose.HeadPose;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.result.FaceResult;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.FrameTimings;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.signals.HandSignals;
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
     * One JSON object on one line: the result as frame number {@code frame} of a video, at the
     * result's time; {@code frame} < 0 (a still image) leaves out frame and timestampMs.
     *
     * @throws IllegalStateException when a hand holds NaN or Infinity (nothing is written)
     */
    public static String resultLine(FrameResult result, long frame) {
        return JsonLine.of(out -> {
            out.writeStartObject();
            if (frame >= 0) {
                out.writeNumberField("frame", frame);
                out.writeNumberField("timestampMs", Math.round(result.timeNanos() / 1e3) / 1000.0);
            }
            writeImageAndHands(out, result.width(), result.height(), result.hands());
            writeFaces(out, result);
            writeTimings(out, result);
            out.writeEndObject();
        });
    }

    /**
     * The event stream's frame message: {@code {"type":"frame","frame","timestampMs","image","hands",
     * "events":[{"type","hand","gesture"?,"x","y","timeMs"}]}} for the stream's {@code frame}-th
     * message. Its time is the tracker's, in whole milliseconds (as the events' timeMs).
     */
    public static String streamMessage(FrameResult result, long frame) {
        return JsonLine.of(out -> {
            out.writeStartObject();
            out.writeStringField("type", "frame");
            out.writeNumberField("frame", frame);
            out.writeNumberField("timestampMs", result.timeMs());
            writeImageAndHands(out, result.width(), result.height(), result.hands());
            writeFaces(out, result);
            writeEvents(out, result.events());
            out.writeEndObject();
        });
    }

    /** The fields {@code "image":{"width","height"},"hands":[...]} into the object {@code out} is in. */
    public static void writeImageAndHands(JsonGenerator out, int width, int height, List<HandResult> hands)
            throws IOException {
        for (HandResult hand : hands) {
            requireFinite(hand); // before any of the frame is written
        }
        out.writeObjectFieldStart("image");
        out.writeNumberField("width", width);
        out.writeNumberField("height", height);
        out.writeEndObject();
        out.writeArrayFieldStart("hands");
        for (HandResult hand : hands) {
            writeHand(out, hand);
        }
        out.writeEndArray();
    }

    /**
     * {@code "faces":[{"id","presence","landmarks":[[x,y,z] x 468],"pose":{...},"pnpPose":{...}}]} when
     * faces were looked for; pose: yaw, pitch, roll (degrees), quaternion [x, y, z, w], translation (metres).
     */
    private static void writeFaces(JsonGenerator out, FrameResult result) throws IOException {
        if (!result.facesTracked()) {
            return;
        }
        for (FaceResult face : result.faces()) {
            String where = "face " + face.id();
            FiniteNumbers.require(face.landmarks().toArray(), 3, "landmarks point", where);
            for (HeadPose pose : new HeadPose[] {face.pose(), face.pnpPose()}) {
                if (pose != null) {
                    FiniteNumbers.require(pose.yaw(), "pose yaw", where);
                    FiniteNumbers.require(pose.pitch(), "pose pitch", where);
                    FiniteNumbers.require(pose.roll(), "pose roll", where);
                }
            }
        }
        out.writeArrayFieldStart("faces");
        for (FaceResult face : result.faces()) {
            out.writeStartObject();
            out.writeNumberField("id", face.id());
            out.writeNumberField("presence", (float) face.presence());
            writePoints(out, "landmarks", face.landmarks());
            writePose(out, "pose", face.pose());
            writePose(out, "pnpPose", face.pnpPose());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writePose(JsonGenerator out, String name, HeadPose pose) throws IOException {
        if (pose == null) {
            return;
        }
        out.writeObjectFieldStart(name);
        out.writeNumberField("yaw", (float) pose.yaw());
        out.writeNumberField("pitch", (float) pose.pitch());
        out.writeNumberField("roll", (float) pose.roll());
        out.writeArrayFieldStart("quaternion");
        for (double q : pose.quaternion()) {
            out.writeNumber((float) q);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("translation");
        for (double t : pose.translation()) {
            out.writeNumber((float) t);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void writeTimings(JsonGenerator out, FrameResult result) throws IOException {
        FrameTimings timings = result.timings();
        out.writeObjectFieldStart("timingsMs");
        out.writeNumberField("preprocess", ms(timings.copy() + timings.preprocess()));
        out.writeNumberField("palm", ms(timings.detector()));
        out.writeNumberField("landmarks", ms(timings.landmarks()));
        out.writeNumberField("postprocess", ms(timings.postprocess()));
        out.writeNumberField("total", ms(timings.total()));
        long faces = result.stageNanos("faces");
        if (faces >= 0) {
            out.writeNumberField("faces", ms(faces)); // its own stage, beside the hands' total
        }
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
    private static void requireFinite(HandResult hand) {
        String where = "hand " + hand.id();
        RotatedRect rect = hand.region();
        String[] names = {"cx", "cy", "w", "h", "rotation"};
        double[] values = {rect.centerX(), rect.centerY(), rect.width(), rect.height(), rect.rotation()};
        for (int i = 0; i < names.length; i++) {
            FiniteNumbers.require(values[i], "rect." + names[i], where);
        }
        FiniteNumbers.require(hand.handedness().score(), "handednessScore", where);
        FiniteNumbers.require(hand.presence(), "presence", where);
        FiniteNumbers.require(hand.landmarks().toArray(), 3, "landmarks point", where);
        FiniteNumbers.require(hand.worldLandmarks().toArray(), 3, "worldLandmarks point", where);
        if (hand.gesture() != null) {
            FiniteNumbers.require(hand.gesture().score(), "gesture score", where);
            FiniteNumbers.require(hand.gesture().pinchDistance(), "pinchDistance", where);
        }
        HandSignals signals = hand.signals();
        if (signals != null) {
            FiniteNumbers.require(signals.pinch(), "signals.pinch", where);
            FiniteNumbers.require(signals.grab(), "signals.grab", where);
            for (float[] vector : new float[][] {signals.palmImage(), signals.palmWorld(), signals.palmCamera(),
                signals.palmNormal(), signals.pointOrigin(), signals.pointDirection(), signals.palmVelocity()}) {
                FiniteNumbers.require(vector, 3, "signals vector", where);
            }
        }
    }

    private static void writeHand(JsonGenerator out, HandResult hand) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", hand.id());
        out.writeStringField("handedness", hand.handedness().label());
        out.writeNumberField("handednessScore", (float) hand.handedness().score());
        out.writeNumberField("presence", (float) hand.presence());
        RotatedRect rect = hand.region();
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
        writeCameraWrist(out, hand.mesh());
        writeSignals(out, hand.signals());
        out.writeEndObject();
    }

    /**
     * {@code "cameraWrist":[x,y,z],"cameraWristSigma":[sx,sy,sz]} when the hand was meshed: the wrist in
     * camera space (metres; x right, y down, z away from the camera) and its one-sigma error per axis.
     */
    private static void writeCameraWrist(JsonGenerator out, HandMesh mesh) throws IOException {
        if (mesh == null || mesh.wristSigma() == null) {
            return;
        }
        var wrist = mesh.pose().translation();
        float[] sigma = mesh.wristSigma();
        for (float value : new float[] {wrist.x, wrist.y, wrist.z, sigma[0], sigma[1], sigma[2]}) {
            if (!Float.isFinite(value)) {
                return; // a degenerate fit: no position rather than a wrong one
            }
        }
        out.writeArrayFieldStart("cameraWrist");
        out.writeNumber(wrist.x);
        out.writeNumber(wrist.y);
        out.writeNumber(wrist.z);
        out.writeEndArray();
        out.writeArrayFieldStart("cameraWristSigma");
        for (float value : sigma) {
            out.writeNumber(value);
        }
        out.writeEndArray();
    }

    /**
     * {@code "signals":{"pinch","grab","palmImage":[x,y,z],"palmWorld","palmCamera","palmNormal",
     * "pointOrigin","pointDirection","palmVelocity","visibleSeconds"}} (see {@link HandSignals} for frames and units).
     */
    private static void writeSignals(JsonGenerator out, HandSignals signals) throws IOException {
        if (signals == null) {
            return;
        }
        out.writeObjectFieldStart("signals");
        out.writeNumberField("pinch", (float) signals.pinch());
        out.writeNumberField("grab", (float) signals.grab());
        writeVector(out, "palmImage", signals.palmImage());
        writeVector(out, "palmWorld", signals.palmWorld());
        writeVector(out, "palmCamera", signals.palmCamera());
        writeVector(out, "palmNormal", signals.palmNormal());
        writeVector(out, "pointOrigin", signals.pointOrigin());
        writeVector(out, "pointDirection", signals.pointDirection());
        writeVector(out, "palmVelocity", signals.palmVelocity());
        out.writeNumberField("visibleSeconds", (float) signals.visibleSeconds());
        out.writeEndObject();
    }

    private static void writeVector(JsonGenerator out, String name, float[] xyz) throws IOException {
        out.writeArrayFieldStart(name);
        for (float value : xyz) {
            out.writeNumber(value);
        }
        out.writeEndArray();
    }

    /** {@code "name":[[x,y,z],...]}: three numbers a point. */
    static void writePoints(JsonGenerator out, String name, Landmarks points) throws IOException {
        out.writeArrayFieldStart(name);
        for (int i = 0; i < points.count(); i++) {
            out.writeStartArray();
            out.writeNumber(points.x(i));
            out.writeNumber(points.y(i));
            out.writeNumber(points.z(i));
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }
}
