package dev.handscope.engine.mining;

import dev.handscope.engine.hand.HandTopology;
import dev.handscope.engine.landmarks.HandLandmarks;
import dev.handscope.engine.landmarks.Handedness;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches a track's results for the signs of a model failure ({@link FailureTrigger}): fed each
 * frame's result in order, it says which triggers fired on it. It judges the landmark model's own,
 * unsmoothed answer ({@link HandResult#model()}), since smoothing hides the very jumps and flips it
 * looks for. Each trigger stays quiet on a track for the cooldown after it fires; a track that is
 * gone is forgotten. Stateful and single-threaded (the inference thread); it allocates only when
 * something fires or a new track appears.
 */
public final class FailureDetector {
    private static final int POINTS = HandTopology.LANDMARKS;
    /** The bone that is the hand size (wrist to middle knuckle), so never judged against itself. */
    private static final int SIZE_BONE = 8;

    private final MiningOptions options;
    /** The tracks of the last frame, in its hands' order (a handful: looked up by walking them). */
    private final List<Track> tracks = new ArrayList<>();
    /** This frame's landmarks in pixels (z at the scale of x); swapped with the track's previous ones. */
    private float[] current = new float[3 * POINTS];

    /** What is known of one track from its earlier results. */
    private static final class Track {
        final int id;
        float[] previous = new float[3 * POINTS];
        double size;
        double presence;
        String label;
        final double[] box = new double[4];
        final double[] boneMin = new double[HandTopology.BONES.length];
        final double[] boneMax = new double[HandTopology.BONES.length];
        int results;
        int bonesLearnt;
        long seen;
        final long[] firedAt = new long[FailureTrigger.values().length];
        final boolean[] fired = new boolean[FailureTrigger.values().length];

        Track(int id) {
            this.id = id;
        }
    }

    public FailureDetector(MiningOptions options) {
        if (HandTopology.BONES[SIZE_BONE][0] != HandTopology.WRIST || HandTopology.BONES[SIZE_BONE][1] != HandTopology.MIDDLE_MCP) {
            throw new IllegalStateException("bone " + SIZE_BONE + " is no longer wrist to middle knuckle");
        }
        this.options = options;
    }

    /** The triggers that fired on this frame, in the order of its hands (empty, and no allocation, when none). */
    public List<MinedFailure> update(FrameResult result) {
        List<MinedFailure> found = List.of();
        for (HandResult hand : result.hands()) {
            if (hand.model() != null) {
                found = judge(hand, result, found);
            }
        }
        for (int i = tracks.size() - 1; i >= 0; i--) {
            if (tracks.get(i).seen != result.sequence()) {
                tracks.remove(i); // gone from this frame
            }
        }
        return overlaps(result, found);
    }

    /** Forgets every track (tracking restarted). */
    public void reset() {
        tracks.clear();
    }

    private List<MinedFailure> judge(HandResult hand, FrameResult result, List<MinedFailure> found) {
        Track track = track(hand.id());
        HandLandmarks model = hand.model();
        toPixels(model, result.width(), result.height());
        double size = length(current, HandTopology.WRIST, HandTopology.MIDDLE_MCP);
        Handedness handedness = model.handedness();
        String label = handedness == null ? null : handedness.label();
        if (track.results > 0) {
            if (track.presence >= options.presenceBelow() && model.presence() < options.presenceBelow()) {
                found = fire(found, track, FailureTrigger.PRESENCE_DROP, hand.id(), result, String.format(Locale.ROOT,
                        "presence %.2f, was %.2f", model.presence(), track.presence));
            }
            found = jump(found, track, hand.id(), result);
            if (track.label != null && label != null && !track.label.equals(label)) {
                found = fire(found, track, FailureTrigger.HANDEDNESS_FLIP, hand.id(), result, String.format(Locale.ROOT,
                        "%s → %s (score %.2f)", track.label, label, handedness.score()));
            }
        }
        if (size > 0) {
            int bone = track.bonesLearnt >= options.warmupFrames() ? outlier(track, size) : -1;
            if (bone >= 0) {
                found = boneFailure(found, track, bone, size, result);
            } else {
                learnBones(track, size); // an outlier does not widen the range it is judged by
            }
        }
        box(track.box);
        float[] swap = track.previous;
        track.previous = current;
        current = swap;
        track.size = size;
        track.presence = model.presence();
        track.label = label;
        track.results++;
        track.seen = result.sequence();
        return found;
    }

    /** The landmark that moved most relative to the hand's mean motion, in hand sizes of the previous result. */
    private List<MinedFailure> jump(List<MinedFailure> found, Track track, int id, FrameResult result) {
        if (track.size <= 0) {
            return found;
        }
        float[] before = track.previous;
        double meanX = 0;
        double meanY = 0;
        for (int p = 0; p < POINTS; p++) {
            meanX += current[3 * p] - before[3 * p];
            meanY += current[3 * p + 1] - before[3 * p + 1];
        }
        meanX /= POINTS;
        meanY /= POINTS;
        int worst = -1;
        double most = 0;
        for (int p = 0; p < POINTS; p++) {
            double moved = Math.hypot(current[3 * p] - before[3 * p] - meanX, current[3 * p + 1] - before[3 * p + 1] - meanY)
                    / track.size;
            if (moved > most) {
                most = moved;
                worst = p;
            }
        }
        if (most <= options.jumpFraction()) {
            return found;
        }
        return fire(found, track, FailureTrigger.LANDMARK_JUMP, id, result, String.format(Locale.ROOT,
                "%s moved %.2f hand sizes relative to the hand", HandTopology.displayName(worst), most));
    }

    private List<MinedFailure> boneFailure(List<MinedFailure> found, Track track, int bone, double size,
                                           FrameResult result) {
        double ratio = length(current, HandTopology.BONES[bone][0], HandTopology.BONES[bone][1]) / size;
        boolean longer = ratio > track.boneMax[bone];
        return fire(found, track, FailureTrigger.BONE_LENGTH, track.id, result, String.format(Locale.ROOT,
                "%s–%s bone %.2fx its %s so far", HandTopology.displayName(HandTopology.BONES[bone][0]),
                HandTopology.displayName(HandTopology.BONES[bone][1]), ratio / (longer ? track.boneMax[bone] : track.boneMin[bone]),
                longer ? "longest" : "shortest"));
    }

    /** The bone furthest outside its track's range (beyond the shrink and stretch factors), or -1 when none is. */
    private int outlier(Track track, double size) {
        int worst = -1;
        double most = 1;
        for (int b = 0; b < HandTopology.BONES.length; b++) {
            if (b == SIZE_BONE) {
                continue;
            }
            double ratio = length(current, HandTopology.BONES[b][0], HandTopology.BONES[b][1]) / size;
            double beyond = Math.max(ratio / (track.boneMax[b] * options.boneStretch()),
                    track.boneMin[b] * options.boneShrink() / ratio);
            if (beyond > most) {
                most = beyond;
                worst = b;
            }
        }
        return worst;
    }

    private void learnBones(Track track, double size) {
        for (int b = 0; b < HandTopology.BONES.length; b++) {
            double ratio = length(current, HandTopology.BONES[b][0], HandTopology.BONES[b][1]) / size;
            boolean first = track.bonesLearnt == 0;
            track.boneMin[b] = first ? ratio : Math.min(track.boneMin[b], ratio);
            track.boneMax[b] = first ? ratio : Math.max(track.boneMax[b], ratio);
        }
        track.bonesLearnt++;
    }

    /** Each pair of this frame's hands whose landmark boxes overlap too much, reported on the lower id. */
    private List<MinedFailure> overlaps(FrameResult result, List<MinedFailure> found) {
        for (int i = 0; i < tracks.size(); i++) {
            for (int j = i + 1; j < tracks.size(); j++) {
                Track a = tracks.get(i);
                Track b = tracks.get(j);
                double iou = iou(a.box, b.box);
                if (iou > options.overlapIou()) {
                    Track low = a.id < b.id ? a : b;
                    found = fire(found, low, FailureTrigger.HANDS_OVERLAP, low.id, result, String.format(Locale.ROOT,
                            "hands %d and %d overlap, IoU %.2f", low.id, Math.max(a.id, b.id), iou));
                }
            }
        }
        return found;
    }

    private List<MinedFailure> fire(List<MinedFailure> found, Track track, FailureTrigger trigger, int id,
                                    FrameResult result, String detail) {
        int t = trigger.ordinal();
        long now = result.timeNanos();
        if (track.fired[t] && now >= track.firedAt[t] && now - track.firedAt[t] < options.cooldownNanos()) {
            return found;
        }
        track.fired[t] = true;
        track.firedAt[t] = now;
        List<MinedFailure> more = found.isEmpty() ? new ArrayList<>(2) : found;
        more.add(new MinedFailure(trigger, id, detail, result.sequence(), now));
        return more;
    }

    /** The track {@code id}, new when it was not in the last frame. */
    private Track track(int id) {
        for (Track track : tracks) {
            if (track.id == id) {
                return track;
            }
        }
        Track track = new Track(id);
        tracks.add(track);
        return track;
    }

    private void toPixels(HandLandmarks model, int width, int height) {
        for (int p = 0; p < POINTS; p++) {
            current[3 * p] = model.x(p) * width;
            current[3 * p + 1] = model.y(p) * height;
            current[3 * p + 2] = model.z(p) * width;
        }
    }

    /** This frame's landmark box in pixels: min x, min y, max x, max y. */
    private void box(double[] into) {
        into[0] = into[1] = Double.POSITIVE_INFINITY;
        into[2] = into[3] = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < POINTS; p++) {
            into[0] = Math.min(into[0], current[3 * p]);
            into[1] = Math.min(into[1], current[3 * p + 1]);
            into[2] = Math.max(into[2], current[3 * p]);
            into[3] = Math.max(into[3], current[3 * p + 1]);
        }
    }

    private static double iou(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union > 0 ? inter / union : 0;
    }

    private static double length(float[] xyz, int from, int to) {
        double dx = xyz[3 * to] - xyz[3 * from];
        double dy = xyz[3 * to + 1] - xyz[3 * from + 1];
        double dz = xyz[3 * to + 2] - xyz[3 * from + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
