package dev.handscope.engine.stage;

import dev.handscope.engine.mining.FailureDetector;
import dev.handscope.engine.mining.MinedFailure;
import dev.handscope.engine.mining.MiningOptions;
import dev.handscope.engine.result.FrameResult;
import java.util.List;

/**
 * Failure mining on the live loop: while on, a {@link FailureDetector} judges every frame, and a
 * frame on which a trigger fired goes to a sink with a copy of its pixels. It adds nothing to the
 * result. The sink runs on the inference thread and must not block (writing the snapshot is the
 * sink's to do elsewhere).
 */
public final class MiningStage implements FrameStage {

    /** Receives each frame a trigger fired on; must hand the work on and return at once. */
    @FunctionalInterface
    public interface Sink {
        void mined(MinedFrame frame);
    }

    /**
     * A frame a trigger fired on.
     *
     * @param failures what fired (at least one)
     * @param result   the frame's result
     * @param rgb      a copy of the pixels the models read (packed RGB rows)
     */
    public record MinedFrame(List<MinedFailure> failures, FrameResult result, byte[] rgb, int width, int height) {
    }

    /** A detector and where its finds go; replaced whole, so the inference thread sees one or the other. */
    private record Mining(FailureDetector detector, Sink sink) {
    }

    private volatile Mining mining;

    @Override
    public String name() {
        return "mining";
    }

    /** Mines from the next frame on with fresh track histories (replacing any mining already on). */
    public void start(MiningOptions options, Sink sink) {
        mining = new Mining(new FailureDetector(options), sink);
    }

    public void stop() {
        mining = null;
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        Mining now = mining;
        if (now == null) {
            return result;
        }
        List<MinedFailure> failures = now.detector().update(result);
        if (!failures.isEmpty()) {
            int width = input.image().width();
            int height = input.image().height();
            byte[] rgb = new byte[width * height * 3];
            input.image().mat().data().get(rgb, 0, rgb.length);
            now.sink().mined(new MinedFrame(failures, result, rgb, width, height));
        }
        return result;
    }

    @Override
    public void reset() {
        Mining now = mining;
        if (now != null) {
            now.detector().reset();
        }
    }
}
