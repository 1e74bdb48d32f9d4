package dev.handscope.app.eval;

import dev.handscope.engine.eval.Evaluator;
import java.util.List;

/**
 * One model under evaluation: how reports name it, what its files are, and its evaluator for each
 * protocol asked for.
 *
 * @param label      the report's name for it ("a" model, or "b" with --compare), shown with its name
 * @param name       the variant or model folder, as the user gave it
 * @param files      the model folders it runs, with their manifests' names and source hashes
 * @param evaluators one per protocol, in the order asked
 */
public record EvaluatedModel(String label, String name, List<ModelIdentity> files, List<Evaluator> evaluators) {

    public EvaluatedModel {
        files = List.copyOf(files);
        evaluators = List.copyOf(evaluators);
    }
}
