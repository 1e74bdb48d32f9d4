package dev.handscope.engine.stage;

import dev.handscope.engine.gesture.Gesture;
import dev.handscope.engine.gesture.GestureClassifier;
import dev.handscope.engine.gesture.GestureSmoother;
import dev.handscope.engine.gesture.UserGestures;
import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Names each hand's static gesture from this frame's (unsmoothed) landmarks, the user's own
 * gestures winning over the built-in ones, smoothed over the hand's track.
 */
public final class GestureStage implements FrameStage {
    private final Map<Integer, GestureSmoother> smoothers = new HashMap<>();
    private volatile UserGestures userGestures = new UserGestures();

    @Override
    public String name() {
        return "gestures";
    }

    /** The user's own gestures. */
    public UserGestures userGestures() {
        return userGestures;
    }

    /** Recognises this set of user gestures from now on (the window keeps one across model reloads). */
    public void useGestures(UserGestures gestures) {
        userGestures = Objects.requireNonNull(gestures);
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        UserGestures own = userGestures;
        smoothers.keySet().retainAll(result.hands().stream().map(HandResult::id).toList());
        return result.mapHands(hand -> {
            float[] world = hand.model().worldLandmarks().toArray();
            Gesture taught = own.match(world);
            Gesture seen = taught != null ? taught : GestureClassifier.classify(hand.model().landmarks().toArray(),
                    world, result.width(), result.height());
            return hand.withGesture(smoothers.computeIfAbsent(hand.id(), id -> new GestureSmoother()).update(seen));
        });
    }

    @Override
    public void reset() {
        smoothers.clear();
    }
}
