package dev.handscope.app.export.recording;

import dev.handscope.engine.mesh.HandMesher;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Writes a recording in one format: the one place the command line and the window export through.
 * BVH holds one skeleton, so each hand track gets its own file ({@code NAME.hand-ID.bvh}).
 */
public final class RecordingExport {
    private RecordingExport() {
    }

    /** The default output: the recording's name (its .mkv or .jsonl) with the format's extension, beside it. */
    public static Path defaultOut(Path recording, ExportFormat format) {
        String name = recording.getFileName().toString().replaceFirst("\\.(mkv|jsonl)$", "");
        String suffix = format == ExportFormat.JSONL ? ".export." : ".";
        return recording.resolveSibling(name + suffix + format.extension());
    }

    /**
     * @param mesher   fits the mesh to the recorded hands (glTF and BVH)
     * @param progress the fraction done, 0..1
     * @return the files written
     */
    public static List<Path> write(Recording recording, ExportFormat format, Path out, HandMesher mesher,
                                   DoubleConsumer progress) throws IOException {
        Path folder = out.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        switch (format) {
            case CSV -> CsvExport.write(recording, out);
            case JSONL -> writeLines(recording, out);
            case GLTF -> GltfExport.write(HandTracks.fit(recording, mesher, progress), out);
            case BVH -> {
                for (HandTrack track : HandTracks.fit(recording, mesher, progress)) {
                    Path file = perTrack(out, track);
                    BvhExport.write(recording, track, file);
                    written.add(file);
                }
                progress.accept(1);
                return written;
            }
        }
        progress.accept(1);
        written.add(out);
        return written;
    }

    /** The frames as JSON lines, exactly as recorded (a cut last line left out). */
    private static void writeLines(Recording recording, Path out) throws IOException {
        try (var lines = Files.lines(recording.results(), StandardCharsets.UTF_8);
             Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            var kept = lines.filter(line -> !line.isBlank()).limit(recording.frames().size()).iterator();
            while (kept.hasNext()) {
                writer.write(kept.next());
                writer.write('\n');
            }
        }
    }

    private static Path perTrack(Path out, HandTrack track) {
        String name = out.getFileName().toString().replaceFirst("\\.bvh$", "");
        return out.resolveSibling(name + ".hand-" + track.id() + ".bvh");
    }
}
