package dev.handscope.app.eval;

import dev.handscope.engine.eval.BoxProtocol;
import dev.handscope.engine.eval.EvaluationSummary;
import dev.handscope.engine.eval.ImageResult;
import java.util.List;

/** One model's scores under one protocol, image by image, with their summary. */
public record ProtocolRun(EvaluatedModel model, BoxProtocol protocol, List<ImageResult> images) {

    public ProtocolRun {
        images = List.copyOf(images);
    }

    /** "a detector", "b gt": how tables and file names tell runs apart. */
    public String key() {
        return model.label() + "-" + protocol.key();
    }

    public EvaluationSummary summary() {
        return EvaluationSummary.of(images);
    }
}
