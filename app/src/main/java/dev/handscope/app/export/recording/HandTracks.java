package dev.handscope.app.export.recording;

import dev.handscope.engine.hand.Landmarks;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.landmarks.RotatedRect;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.result.HandResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Recordings keep landmarks, not mesh poses: this refits the mesh to every recorded hand (the
 * same fit the window runs, deterministic) and groups the poses by hand id.
 */
public final class HandTracks {
    private HandTracks() {
    }

    /**
     * @param progress told the fraction of frames done, 0..1
     */
    public static List<HandTrack> fit(Recording recording, HandMesher mesher, DoubleConsumer progress) {
        Map<Integer, List<HandTrack.Posed>> poses = new LinkedHashMap<>();
        Map<Integer, HandMesh> first = new LinkedHashMap<>();
        List<RecordedFrame> frames = recording.frames();
        for (int f = 0; f < frames.size(); f++) {
            RecordedFrame frame = frames.get(f);
            for (RecordedHand hand : frame.hands()) {
                HandMesh mesh = mesher.mesh(asResult(hand), frame.width(), frame.height());
                first.putIfAbsent(hand.id(), mesh);
                poses.computeIfAbsent(hand.id(), id -> new ArrayList<>())
                        .add(new HandTrack.Posed(frame, hand, mesh.pose()));
            }
            progress.accept((f + 1.0) / frames.size());
        }
        List<HandTrack> tracks = new ArrayList<>();
        poses.forEach((id, list) -> tracks.add(new HandTrack(id, list.get(0).hand().handedness(),
                first.get(id).template(), List.copyOf(list))));
        return tracks;
    }

    /** What the mesher reads of a hand: its landmarks and its label. */
    private static HandResult asResult(RecordedHand hand) {
        Handedness handedness = new Handedness(hand.handedness(), hand.score());
        Landmarks image = Landmarks.of(hand.landmarks());
        Landmarks world = Landmarks.of(hand.worldLandmarks());
        HandLandmarks model = new HandLandmarks(image, world, 1, handedness, new RotatedRect(0.5, 0.5, 1, 1, 0));
        return new HandResult(hand.id(), 0, image, world, handedness, model, null, null, null, null);
    }
}
