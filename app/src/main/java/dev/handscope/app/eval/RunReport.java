package dev.handscope.app.eval;

import dev.handscope.engine.eval.EvaluationSummary;

/** A run with its summary, computed once for every part of the report. */
record RunReport(ProtocolRun run, EvaluationSummary summary) {

    static RunReport of(ProtocolRun run) {
        return new RunReport(run, run.summary());
    }
}
