package dev.handscope.engine.stage;

import dev.handscope.engine.result.FrameResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Hands every processed frame's result to the outputs (event stream, recent events), which must not block. */
public final class OutputStage implements FrameStage {
    private final List<Consumer<FrameResult>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "outputs";
    }

    public void addListener(Consumer<FrameResult> listener) {
        listeners.add(listener);
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        for (Consumer<FrameResult> listener : listeners) {
            listener.accept(result);
        }
        return result;
    }
}
