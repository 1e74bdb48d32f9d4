package dev.handscope.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.engine.eval.BoxProtocol;
import dev.handscope.engine.eval.Dataset;
import dev.handscope.engine.eval.Evaluator;
import dev.handscope.engine.eval.KeypointOrder;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.tracking.TrackerOptions;
import dev.handscope.models.catalogue.ModelVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop request (what Ctrl-C sends) ends the run after the current image; the report covers what was scored. */
class EvaluationRunTest {
    private static final Path RHD = Path.of(System.getProperty("handscope.shared", "../../shared"),
            "testdata", "datasets", "rhd", "test_rhd.json");

    @Test
    void aStoppedRunKeepsWhatItScoredAndItsReportSaysSo(@TempDir Path temp) throws Exception {
        Dataset dataset = CocoKeypointReader.read(RHD, RHD.getParent(), KeypointOrder.RHD);
        try (HandPipeline pipeline = TrackingSetup.defaults().loadPipeline(ModelVariant.FULL, TrackerOptions.defaults(),
                problem -> { })) {
            EvaluatedModel model = new EvaluatedModel("a", "full", List.of(),
                    List.of(new Evaluator(pipeline, BoxProtocol.GT, Evaluator.DEFAULT_BOX_SCALE)));
            EvaluationRun run = new EvaluationRun();
            EvaluationRun.Outcome outcome = run.run(dataset, List.of(model), (done, total) -> {
                if (done == 1) {
                    run.requestStop();
                }
            });
            assertTrue(outcome.interrupted());
            assertEquals(1, outcome.scoredImages());
            assertEquals(1, outcome.runs().get(0).summary().labelledHands());

            EvaluationReport.write(temp, outcome, 1);
            JsonNode summary = new ObjectMapper().readTree(temp.resolve(SummaryJson.FILE).toFile());
            assertTrue(summary.get("dataset").get("interrupted").asBoolean());
            assertEquals(1, summary.get("runs").get(0).get("labelled_hands").asInt());
            assertTrue(Files.readString(temp.resolve(EvaluationReport.HTML)).contains("Interrupted"));
            try (var left = Files.list(temp)) {
                assertTrue(left.noneMatch(f -> f.toString().endsWith(".part")), "no half-written file is left");
            }
        }
    }
}
