package dev.handscope.app.export.recording;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.handscope.engine.hand.HandTopology;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording as CSV: one row per hand per frame, landmarks by name. {@code <name>_x, _y, _z} are
 * the image landmarks (x, y normalised to the image, z relative depth in image-width units);
 * {@code world_<name>_x, _y, _z} the hand-centred metric landmarks in metres.
 */
public final class CsvExport {
    private CsvExport() {
    }

    /** The header, in order. */
    public static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("frame", "time_ms", "hand_id", "handedness"));
        for (String prefix : new String[] {"", "world_"}) {
            for (String name : HandTopology.NAMES) {
                for (String axis : new String[] {"x", "y", "z"}) {
                    columns.add(prefix + name + "_" + axis);
                }
            }
        }
        return columns;
    }

    public static void write(Recording recording, Path file) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns().forEach(schema::addColumn);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter rows = new CsvMapper().writer(schema.build()).writeValues(out)) {
            for (RecordedFrame frame : recording.frames()) {
                for (RecordedHand hand : frame.hands()) {
                    rows.write(row(frame, hand));
                }
            }
        }
    }

    private static List<String> row(RecordedFrame frame, RecordedHand hand) {
        List<String> row = new ArrayList<>(List.of(Long.toString(frame.frame()), Double.toString(frame.timeMs()),
                Integer.toString(hand.id()), hand.handedness()));
        for (float v : hand.landmarks()) {
            row.add(Float.toString(v));
        }
        for (float v : hand.worldLandmarks()) {
            row.add(Float.toString(v));
        }
        return row;
    }
}
