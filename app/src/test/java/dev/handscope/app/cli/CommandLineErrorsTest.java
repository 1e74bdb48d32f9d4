package dev.handscope.app.cli;

import static dev.handscope.app.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** What the user reads when a command cannot do its job: one message, an exit code, never a stack trace. */
class CommandLineErrorsTest {
    private static final Path SHARED = Path.of(System.getProperty("handscope.shared", "../../shared"));
    private static final String VIDEO = SHARED.resolve("testdata/media/hand_landmarker_test_video.mp4").toString();
    private static final String IMAGE = SHARED.resolve("testdata/media/woman_hands.jpg").toString();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /** The run failed with exactly this one message line on stderr. */
    private static void assertMessage(CommandRun run, int exit, String message) {
        assertEquals(message, lastLine(run.err()), run.err());
        assertEquals(exit, run.exit(), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace: " + run.err());
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void trackOutIntoAMissingFolder(@TempDir Path dir) {
        Path out = dir.resolve("missing/results.jsonl");
        assertMessage(run("track", "--video", VIDEO, "--out", out.toString(), "--model", "lite"), 1,
                "handscope track: cannot write " + out + ": the folder " + out.getParent() + " does not exist");
    }

    @Test
    void trackOutOntoAFolder(@TempDir Path dir) {
        assertMessage(run("track", "--video", VIDEO, "--out", dir.toString(), "--model", "lite"), 1,
                "handscope track: cannot write " + dir + ": it is a folder");
    }

    /** A path below a regular file cannot be written, even by root (which ignores permission bits). */
    @Test
    void trackOutBelowAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path out = file.resolve("results.jsonl");
        assertMessage(run("track", "--video", VIDEO, "--out", out.toString(), "--model", "lite"), 1,
                "handscope track: cannot write " + out + ": " + file + " is a file, not a folder");
    }

    @Test
    void trackOutIntoAReadOnlyFolder(@TempDir Path dir) throws Exception {
        assumeFalse(ROOT, "root writes into read-only folders; trackOutBelowAFile covers the unwritable case");
        Path folder = Files.createDirectory(dir.resolve("ro"));
        assertTrue(folder.toFile().setWritable(false));
        Path out = folder.resolve("results.jsonl");
        assertMessage(run("track", "--video", VIDEO, "--out", out.toString(), "--model", "lite"), 1,
                "handscope track: cannot write " + out + ": permission denied");
    }

    @Test
    void trackOutOnAFullDisk() {
        assumeFalse(!Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        assertMessage(run("track", "--video", VIDEO, "--out", "/dev/full", "--model", "lite"), 1,
                "handscope track: cannot write /dev/full: no space left on device (0 frames written)");
    }

    @Test
    void meshOutOntoAFileClaimsNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("meshes"), "x");
        CommandRun run = run("mesh", "--image", IMAGE, "--out", file.toString(), "--model", "lite");
        assertMessage(run, 1, "handscope mesh: cannot write into " + file + ": it is a file, not a folder");
        assertFalse(run.out().contains("->"), "no OBJ is claimed: " + run.out());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void meshOutBelowAFileClaimsNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path out = file.resolve("meshes");
        CommandRun run = run("mesh", "--image", IMAGE, "--out", out.toString(), "--model", "lite");
        assertMessage(run, 1, "handscope mesh: cannot write into " + out + ": " + file + " is a file, not a folder");
        assertFalse(run.out().contains("->"), run.out());
    }

    @Test
    void meshPrintsEachFileOnlyOnceWritten(@TempDir Path dir) throws Exception {
        CommandRun run = run("mesh", "--image", IMAGE, "--out", dir.toString(), "--model", "lite");
        assertEquals(0, run.exit(), run.err());
        List<String> claimed = run.out().lines().filter(l -> l.contains(" -> ")).toList();
        assertEquals(2, claimed.size(), run.out());
        for (String line : claimed) {
            assertTrue(Files.size(Path.of(line.substring(line.indexOf(" -> ") + 4))) > 10_000, line);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".part") || f.toString().endsWith(".tmp")));
        }
    }

    @Test
    void meshFallsBackToTheDefaultHandWhenMANOIsBroken(@TempDir Path dir) throws Exception {
        Path mano = Files.createDirectory(dir.resolve("mano"));
        Files.write(mano.resolve("MANO_RIGHT.pkl"), new byte[] {(byte) 0x80, 2, '}'});
        Files.write(mano.resolve("MANO_LEFT.pkl"), new byte[] {(byte) 0x80, 2, '}'});
        Path out = dir.resolve("meshes");
        CommandRun run = run("mesh", "--image", IMAGE, "--out", out.toString(), "--model", "lite", "--mano", mano.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().startsWith("handscope mesh: " + mano.resolve("MANO_RIGHT.pkl") + ": not a readable MANO"
                + " pickle"), run.err());
        assertTrue(run.err().strip().endsWith("Using HandScope's default hand instead."), run.err());
        assertTrue(Files.isRegularFile(out.resolve("hand-0.obj")) && Files.isRegularFile(out.resolve("hand-1.obj")));
    }

    @Test
    void rangesAreCheckedWithTheRangeInTheMessage() {
        assertMessage(run("detect", "--image", IMAGE, "--min-detection-confidence", "NaN"), 2,
                "handscope detect: --min-detection-confidence must be a number from 0 to 1 (got NaN)");
        assertMessage(run("detect", "--image", IMAGE, "--min-presence-confidence", "1.5"), 2,
                "handscope detect: --min-presence-confidence must be a number from 0 to 1 (got 1.5)");
        assertMessage(run("detect", "--image", IMAGE, "--num-hands", "100"), 2,
                "handscope detect: --num-hands must be a whole number from 1 to 4 (got 100)");
        assertMessage(run("detect", "--image", IMAGE, "--threads", "1000"), 2,
                "handscope detect: --threads must be a whole number from 1 to 64 (got 1000)");
        assertMessage(run("detect", "--image", IMAGE, "--redetect-interval", "0"), 2,
                "handscope detect: --redetect-interval must be a whole number from 1 to 1000 (got 0)");
        assertMessage(run("detect", "--image", IMAGE, "--smoothing-min-cutoff", "-1"), 2,
                "handscope detect: --smoothing-min-cutoff must be a number above 0 and at most 1000 (got -1.0)");
        assertMessage(run("detect", "--image", IMAGE, "--smoothing-beta", "Infinity"), 2,
                "handscope detect: --smoothing-beta must be a number from 0 to 10000 (got Infinity)");
        assertMessage(run("detect", "--image", IMAGE, "--roi", "NaN,0.5,0.5,0.5,0"), 2,
                "handscope detect: --roi must be five finite numbers cx,cy,w,h,rot with w and h above 0"
                        + " (got NaN,0.5,0.5,0.5,0)");
        for (String fov : List.of("0", "180", "NaN", "-5")) {
            assertMessage(run("mesh", "--image", IMAGE, "--out", "unused", "--fov", fov), 2,
                    "handscope mesh: --fov must be a number from 10 to 150 degrees (got " + Double.parseDouble(fov) + ")");
        }
        assertMessage(run("bench", "--video", VIDEO, "--frames", "-1"), 2,
                "handscope bench: --frames must be a whole number from 1 to 1000000 (got -1)");
        assertMessage(run("bench-models", "--runs", "-1"), 2,
                "handscope bench-models: --runs must be a whole number from 1 to 1000000 (got -1)");
        assertMessage(run("bench-models", "--warmup", "-1"), 2,
                "handscope bench-models: --warmup must be a whole number from 0 to 1000000 (got -1)");
    }

    @Test
    void badGestureSetsAreNamedWithoutTheParsersAdvice(@TempDir Path dir) throws Exception {
        Path nan = Files.writeString(dir.resolve("nan.json"), "{\"format\":\"handscope-gestures\",\"threshold\":NaN}");
        assertMessage(run("detect", "--image", IMAGE, "--gestures", nan.toString()), 1,
                "handscope detect: " + nan + " is not a usable gesture set: not valid JSON at line 1, column 47"
                        + " (Non-standard token 'NaN')");
        Path cut = Files.writeString(dir.resolve("cut.json"), "{\"format\":");
        assertMessage(run("detect", "--image", IMAGE, "--gestures", cut.toString()), 1,
                "handscope detect: " + cut + " is not a usable gesture set: not valid JSON at line 1, column 11"
                        + " (the file ends too early)");
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertMessage(run("detect", "--image", IMAGE, "--gestures", binary.toString()), 1,
                "handscope detect: " + binary + " is not a usable gesture set: not valid JSON at line 1, column 3"
                        + " (Invalid UTF-8 start byte 0xfe)");
        assertMessage(run("detect", "--image", IMAGE, "--gestures", dir.toString()), 1,
                "handscope detect: " + dir + " is not a usable gesture set: it is a folder");
        Path missing = dir.resolve("missing.json");
        assertMessage(run("detect", "--image", IMAGE, "--gestures", missing.toString()), 1,
                "handscope detect: " + missing + " is not a usable gesture set: no such file");
    }

    @Test
    void aFileThatIsNoVideoIsNamedWithoutTheDecodersAdvice(@TempDir Path dir) throws Exception {
        Path notVideo = Files.writeString(dir.resolve("clip.mp4"), "not a video");
        CommandRun run = run("track", "--video", notVideo.toString(), "--out", dir.resolve("out.jsonl").toString());
        assertEquals(1, run.exit(), run.err());
        String message = lastLine(run.err());
        assertTrue(message.startsWith("handscope track: " + notVideo + ": not a readable video ("), message);
        assertFalse(message.contains("setFormat") || message.contains("FFmpegLogCallback"), message);
    }

    @Test
    void badOscAndVmcTargetsAreNamedBeforeAnythingRuns(@TempDir Path dir) {
        String out = dir.resolve("out.jsonl").toString();
        assertMessage(run("track", "--video", VIDEO, "--out", out, "--osc", "no.such.host.invalid:9000"), 2,
                "handscope track: --osc: host 'no.such.host.invalid' in 'no.such.host.invalid:9000' does not resolve");
        assertMessage(run("track", "--video", VIDEO, "--out", out, "--vmc", ":0"), 2,
                "handscope track: --vmc: port 0 in ':0' is out of range (1 to 65535)");
        assertMessage(run("--osc", "localhost:99999", "--no-tracking"), 2,
                "handscope: --osc: port 99999 in 'localhost:99999' is out of range (1 to 65535)");
        assertMessage(run("track", "--video", VIDEO, "--out", out, "--osc", "9000", "--osc-rate", "-1"), 2,
                "handscope track: --osc-rate must be a number from 0 to 1000 frames a second (got -1.0)");
    }

    @Test
    void anOscTargetOffThisMachineIsWarnedAbout(@TempDir Path dir) {
        CommandRun run = run("track", "--video", dir.resolve("missing.mp4").toString(), "--out",
                dir.resolve("out.jsonl").toString(), "--osc", "192.0.2.1:9000", "--vmc", "127.0.0.1");
        assertTrue(run.err().contains("handscope: warning: --osc 192.0.2.1:9000 sends your hands to another machine,"
                + " unencrypted."), run.err());
        assertFalse(run.err().contains("--vmc 127.0.0.1 sends"), "loopback is not warned about: " + run.err());
    }

    @Test
    void anUnresolvableBindAddressIsNamed() {
        assertMessage(run("--serve", "9999", "--bind", "999.1.1.1", "--no-tracking"), 2,
                "handscope: --bind 999.1.1.1 is not an address of this machine (it does not resolve);"
                        + " use 127.0.0.1 (this machine only) or one of its network addresses");
    }

    @Test
    void aSnapshotIntoAnUnwritableFolderFailsBeforeTheWindowOpens(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path snapshot = file.resolve("out.png");
        long start = System.nanoTime();
        assertMessage(run("--source", IMAGE, "--no-tracking", "--snapshot", snapshot.toString()), 4,
                "handscope: cannot write the snapshot " + snapshot + ": " + file + " is a file, not a folder");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "answered without opening the window");
    }

    /** A model whose graph fails only when run: log(x - 1) of inputs in [0, 1] is not finite, and CheckNumerics says so. */
    @Test
    void aModelThatFailsAtRunTimeIsNamed(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("failing-model");
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 4)));
            Operand<TFloat32> output = tf.withName("output").debugging.checkNumerics(
                    tf.math.log(tf.math.sub(image, tf.constant(1f))), "log of a negative number");
            try (Session session = new Session(graph)) {
                SavedModelBundle.exporter(model.toString()).withSession(session).withSignature(
                        Signature.builder().key("serving_default").input("image", image).output("output", output).build())
                        .export();
            }
        }
        CommandRun run = run("bench-models", "--model", model.toString(), "--runs", "2", "--warmup", "0", "--device", "cpu");
        assertEquals(1, run.exit(), run.err());
        String message = lastLine(run.err());
        assertTrue(message.startsWith("handscope bench-models: " + model + ": the model failed while running ("),
                run.err());
        assertTrue(message.contains("log of a negative number"), message);
        assertFalse(run.err().contains("\tat "), run.err());
    }
}
