package dev.handscope.engine.stage;

import dev.handscope.engine.result.FrameResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Hands every processed frame's result to the outputs (event stream, recent events, OSC), which must not block. */
public final class OutputStage implements FrameStage {
    private final List<Consumer<FrameResult>> listeners = new CopyOnWriteArrayList<>();
    private final String name;

    public OutputStage() {
        this("outputs");
    }

    /** @param name as timings show it (e.g. "mesh outputs" for the outputs that read the mesh) */
    public OutputStage(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
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
