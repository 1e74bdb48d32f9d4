package dev.handscope.engine.stage;

import dev.handscope.engine.result.FrameResult;
import dev.handscope.engine.result.HandResult;
import dev.handscope.engine.signals.InteractionSignals;
import java.util.Set;
import java.util.stream.Collectors;

/** Adds every hand's interaction signals (pinch, grab, palm, pointing ray, velocity, time visible). */
public final class SignalStage implements FrameStage {
    /** The field of view assumed for camera-space placement unless told otherwise: the window's --fov default. */
    public static final double DEFAULT_FOV_DEGREES = 60;

    private final InteractionSignals signals;

    public SignalStage(double horizontalFovDegrees) {
        this.signals = new InteractionSignals(horizontalFovDegrees);
    }

    /** The camera's horizontal field of view for camera-space placement, from the next frame on. */
    public void fieldOfView(double horizontalFovDegrees) {
        signals.fieldOfView(horizontalFovDegrees);
    }

    @Override
    public String name() {
        return "signals";
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        Set<Integer> ids = result.hands().stream().map(HandResult::id).collect(Collectors.toSet());
        signals.keepOnly(ids);
        return result.mapHands(hand -> hand.withSignals(
                signals.update(hand, result.width(), result.height(), result.timeNanos())));
    }

    @Override
    public void reset() {
        signals.reset();
    }
}
