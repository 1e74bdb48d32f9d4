package dev.handscope.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handscope.app.cli.HandScopeCommand;
import dev.handscope.app.ui.HandScopeApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import picocli.CommandLine;

/** {@code bench --render} draws every frame as the window does and reports the render stage and end to end. */
@ExtendWith(ApplicationExtension.class) // JavaFX is started the tests' way first (headless Monocle)
class RenderBenchTest {
    private static final Path VIDEO = Path.of(System.getProperty("handscope.shared", "../../shared"), "testdata",
            "media", "hand_landmarker_test_video.mp4");

    @Test
    void benchTimesTheRenderStageAndEndToEnd() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new HandScopeCommand(HandScopeApp::run));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute("bench", "--video", VIDEO.toString(), "--frames", "20", "--model", "lite", "--render");
        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("render: pass"), out.toString());
        String json = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        JsonNode stages = new ObjectMapper().readTree(json).get("stages");
        assertEquals(20, stages.get("renderPass").get("count").asInt());
        assertTrue(stages.get("renderUpdate").get("medianMs").asDouble() > 0);
        // End to end covers the pipeline and the drawing, so it cannot be shorter than either.
        assertTrue(stages.get("endToEnd").get("medianMs").asDouble() >= stages.get("total").get("medianMs").asDouble(), json);
        assertTrue(stages.get("endToEnd").get("medianMs").asDouble() >= stages.get("renderPass").get("medianMs").asDouble(), json);
    }
}
