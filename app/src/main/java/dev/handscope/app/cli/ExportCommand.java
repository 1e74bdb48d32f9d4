package dev.handscope.app.cli;

import dev.handscope.app.export.recording.ExportFormat;
import dev.handscope.app.export.recording.Recording;
import dev.handscope.app.export.recording.RecordingExport;
import dev.handscope.engine.mesh.CameraModel;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.mesh.HandTemplate;
import dev.handscope.engine.mesh.HandTemplateFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handscope export --recording REC --format csv|jsonl|gltf|bvh [--out FILE]}. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export a session recording as CSV, JSON lines, glTF (.glb, skinned animated mesh) or BVH.")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--recording", required = true, paramLabel = "REC",
            description = "The recording: its results NAME.jsonl or its video NAME.mkv (the .jsonl beside it).")
    Path recording;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, jsonl, gltf or bvh.")
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file. Default: the recording's name with the format's extension. BVH: one file"
                    + " per hand, FILE without .bvh + .hand-ID.bvh.")
    Path out;

    @Option(names = "--fov", paramLabel = "DEGREES", defaultValue = "60",
            description = "Horizontal field of view of the recording's camera, for the refitted meshes (gltf, bvh)."
                    + " Default: ${DEFAULT-VALUE}.")
    double fov;

    @Mixin
    CameraOptions camera;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.USAGE, "--format: " + e.getMessage());
        }
        CameraModel lens = camera.camera(fov);
        double handSize = camera.handSizeMetres();
        Recording read;
        try {
            read = Recording.read(recording);
        } catch (NoSuchFileException e) {
            throw new UserError(UserError.FAILED, "--recording " + recording + ": no such recording ("
                    + e.getFile() + " is not there)");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (read.droppedLines() > 0) {
            err.println("handscope export: warning: " + read.results() + " is cut short: exporting its "
                    + read.frames().size() + " whole frame(s), " + read.droppedLines() + " line(s) left out");
        }
        Path target = out != null ? out : RecordingExport.defaultOut(read.results(), chosen);
        HandTemplate right = HandTemplateFile.bundled();
        HandMesher mesher = new HandMesher(right, right.mirrored(), lens, handSize);
        List<Path> written;
        try {
            written = RecordingExport.write(read, chosen, target, mesher, done -> { });
        } catch (IOException e) {
            throw OutputTargets.cannotWrite(target, e, "");
        }
        if (written.isEmpty()) {
            throw new UserError(UserError.FAILED, "--recording " + recording + ": no hand in its "
                    + read.frames().size() + " frame(s); no BVH written");
        }
        for (Path file : written) {
            spec.commandLine().getOut().println(read.frames().size() + " frame(s) -> " + file);
        }
        return 0;
    }
}
