package dev.handscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.ui.HandScopeApp;
import dev.handscope.engine.capture.SourceKind;
import dev.handscope.engine.capture.SourceSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HandScopeCommandTest {

    private static WindowOptions parse(String... args) {
        HandScopeCommand command = new HandScopeCommand(HandScopeApp::run);
        new CommandLine(command).parseArgs(args);
        return command.windowOptions();
    }

    @Test
    void defaultsOpenTheFirstCameraMirrored() {
        WindowOptions options = parse();
        assertEquals(SourceSpec.camera(0), options.source());
        assertTrue(options.mirrorFor(options.source()), "selfie view for cameras");
        assertTrue(options.capture().pace());
        assertFalse(options.capture().loop());
        assertNull(options.snapshot());
    }

    @Test
    void filesAreNotMirroredUnlessAsked() {
        WindowOptions plain = parse("--source", "clip.mp4");
        assertEquals(SourceKind.VIDEO_FILE, plain.source().kind());
        assertFalse(plain.mirrorFor(plain.source()));
        WindowOptions mirrored = parse("--source", "clip.mp4", "--mirror");
        assertTrue(mirrored.mirrorFor(mirrored.source()));
        WindowOptions camera = parse("--no-mirror");
        assertFalse(camera.mirrorFor(camera.source()));
    }

    @Test
    void playbackAndSnapshotOptions() {
        WindowOptions options = parse("--source", "clip.mp4", "--no-pace", "--loop", "--fps", "5",
                "--snapshot", "out.png", "--snapshot-after", "12");
        assertFalse(options.capture().pace());
        assertTrue(options.capture().loop());
        assertEquals(5, options.capture().stillFrameRate());
        assertEquals(Path.of("out.png"), options.snapshot());
        assertEquals(12, options.snapshotAfter());
    }

    @Test
    void theStreamAllowsLocalPagesAndTheOriginsAddedWithAllowOrigin() {
        assertNull(parse().serve(), "no stream unless asked");
        var stream = parse("--serve", "--allow-origin", "https://dashboard.example.org/",
                "--allow-origin", "http://10.0.0.5:3000").serve();
        assertEquals(new java.net.InetSocketAddress("127.0.0.1", 8765), stream.address());
        assertTrue(stream.origins().allows("https://dashboard.example.org"));
        assertTrue(stream.origins().allows("http://10.0.0.5:3000"));
        assertTrue(stream.origins().allows("http://localhost:8080"));
        assertFalse(stream.origins().allows("https://evil.example.com"));
        assertFalse(parse("--serve").serve().origins().allows("https://dashboard.example.org"));
    }

    @Test
    void camerasSubcommandAnswersWithoutHanging() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new HandScopeCommand(HandScopeApp::run));
        commandLine.setOut(new PrintWriter(out));
        long start = System.nanoTime();
        assertEquals(0, commandLine.execute("cameras", "--no-probe"));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "listing cameras must not wait per index");
        String text = out.toString();
        assertTrue(text.startsWith("INDEX") || text.startsWith("No cameras found"), text);
    }

    /** The window's own options are checked before it opens, with the range in the message. */
    @Test
    void windowOptionsOutsideTheirRangesAreRefused() {
        for (String fov : List.of("0", "180", "NaN", "-5")) {
            RuntimeException error = assertThrows(RuntimeException.class, () -> parse("--fov", fov));
            assertEquals("--fov must be a number from 10 to 150 degrees (got " + Double.parseDouble(fov) + ")",
                    error.getMessage());
        }
        assertEquals("--fps must be a number above 0 and at most 1000 (got 0.0)",
                assertThrows(RuntimeException.class, () -> parse("--fps", "0")).getMessage());
        assertEquals("--snapshot-after must be a whole number from 1 to 1000000 (got 0)",
                assertThrows(RuntimeException.class, () -> parse("--snapshot-after", "0")).getMessage());
        assertEquals("--min-tracking-confidence must be a number from 0 to 1 (got NaN)",
                assertThrows(RuntimeException.class, () -> parse("--min-tracking-confidence", "NaN")).getMessage());
    }

    @Test
    void aJsonSourceIsADatasetWithItsImagesBesideIt() {
        WindowOptions options = parse("--source", "data/test_rhd.json", "--order", "rhd");
        assertEquals(Path.of("data/test_rhd.json"), options.dataset().annotations());
        assertEquals(Path.of("data").toAbsolutePath(), options.dataset().images());
        assertEquals(dev.handscope.engine.eval.KeypointOrder.RHD, options.dataset().order());
        assertEquals(Path.of("imgs"), parse("--source", "a.json", "--images", "imgs").dataset().images());
        assertNull(parse("--source", "clip.mp4").dataset());
        UserError alone = assertThrows(UserError.class, () -> parse("--source", "clip.mp4", "--images", "imgs"));
        assertTrue(alone.getMessage().contains("--source FILE.json"), alone.getMessage());
        UserError order = assertThrows(UserError.class, () -> parse("--source", "a.json", "--order", "coco"));
        assertTrue(order.getMessage().contains("mediapipe, rhd"), order.getMessage());
    }
}
