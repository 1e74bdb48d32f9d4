package dev.handscope.engine.result;

import dev.handscope.engine.gesture.GestureEvent;
import dev.handscope.engine.model.HandRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything found in one frame, the one answer every consumer reads (window, JSON, stream,
 * recordings, snapshots). Immutable; stages add to it by making a new one.
 *
 * @param sequence    the frame's sequence number
 * @param timeNanos   the frame's time: its position in a file, else its capture time
 * @param width       image width in pixels
 * @param height      image height in pixels
 * @param hands       the hands, ordered by id
 * @param detectorRan whether the hand detector ran on this frame
 * @param detections  what it found (empty when it did not run)
 * @param timings     where the tracking time went
 * @param stages      the time of each stage after tracking, in the order they ran
 * @param events      the gesture events of this frame (empty until the event stage ran)
 * @param facesTracked whether faces were looked for (face tracking on)
 * @param faces       the faces, ordered by id (empty when none, or when not looked for)
 */
public record FrameResult(long sequence, long timeNanos, int width, int height, List<HandResult> hands,
                          boolean detectorRan, List<HandRegion> detections, FrameTimings timings,
                          List<StageTime> stages, List<GestureEvent> events, boolean facesTracked,
                          List<FaceResult> faces) {

    public FrameResult {
        hands = List.copyOf(hands);
        detections = List.copyOf(detections);
        stages = List.copyOf(stages);
        events = List.copyOf(events);
        faces = List.copyOf(faces);
    }

    /** A frame in which no faces were looked for. */
    public FrameResult(long sequence, long timeNanos, int width, int height, List<HandResult> hands,
                       boolean detectorRan, List<HandRegion> detections, FrameTimings timings,
                       List<StageTime> stages, List<GestureEvent> events) {
        this(sequence, timeNanos, width, height, hands, detectorRan, detections, timings, stages, events, false,
                List.of());
    }

    /** A frame in which nothing was looked for (tracking off). */
    public static FrameResult untracked(long sequence, long timeNanos, int width, int height) {
        return new FrameResult(sequence, timeNanos, width, height, List.of(), false, List.of(),
                new FrameTimings(0, 0, 0, 0, 0), List.of(), List.of());
    }

    /** The frame's time in whole milliseconds (the event stream's clock). */
    public long timeMs() {
        return timeNanos / 1_000_000;
    }

    /** The time of stage {@code name} on this frame, or -1 when it did not run. */
    public long stageNanos(String name) {
        for (StageTime stage : stages) {
            if (stage.stage().equals(name)) {
                return stage.nanos();
            }
        }
        return -1;
    }

    public FrameResult withHands(List<HandResult> value) {
        return new FrameResult(sequence, timeNanos, width, height, value, detectorRan, detections, timings, stages,
                events, facesTracked, faces);
    }

    /** Every hand passed through {@code change}. */
    public FrameResult mapHands(UnaryOperator<HandResult> change) {
        return withHands(hands.stream().map(change).toList());
    }

    /** The faces found in this frame (face tracking on). */
    public FrameResult withFaces(List<FaceResult> value) {
        return new FrameResult(sequence, timeNanos, width, height, hands, detectorRan, detections, timings, stages,
                events, true, value);
    }

    public FrameResult withEvents(List<GestureEvent> value) {
        return new FrameResult(sequence, timeNanos, width, height, hands, detectorRan, detections, timings, stages,
                value, facesTracked, faces);
    }

    public FrameResult withTimings(FrameTimings value) {
        return new FrameResult(sequence, timeNanos, width, height, hands, detectorRan, detections, value, stages,
                events, facesTracked, faces);
    }

    public FrameResult withStageTime(StageTime time) {
        List<StageTime> more = new ArrayList<>(stages);
        more.add(time);
        return new FrameResult(sequence, timeNanos, width, height, hands, detectorRan, detections, timings, more,
                events, facesTracked, faces);
    }
}
