package dev.handscope.app.eval;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.handscope.engine.eval.HandScore;
import dev.handscope.engine.eval.HandSide;
import dev.handscope.engine.eval.ImageResult;
import dev.handscope.engine.hand.HandTopology;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * per_hand.csv: one row per labelled hand per model and protocol, enough to recompute every 2D
 * figure of the summary. Joint errors are pixels; an empty cell is a joint the label does not hold,
 * {@code inf} a labelled joint of a missed hand (it counts as wrong at every threshold).
 */
final class PerHandCsv {
    static final String FILE = "per_hand.csv";

    private PerHandCsv() {
    }

    static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("model", "protocol", "image_id", "file", "annotation_id", "side",
                "predicted_side", "detected", "score", "box_size_px", "mean_error_px", "mean_error_of_box", "mpjpe_mm",
                "pa_mpjpe_mm"));
        for (int joint = 0; joint < HandTopology.LANDMARKS; joint++) {
            columns.add("error_px_" + HandTopology.NAMES[joint]);
        }
        return columns;
    }

    static void write(Path file, List<ProtocolRun> runs) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns().forEach(schema::addColumn);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter rows = new CsvMapper().writer(schema.build()).writeValues(out)) {
            for (ProtocolRun run : runs) {
                for (ImageResult image : run.images()) {
                    for (HandScore hand : image.hands()) {
                        rows.write(row(run, hand));
                    }
                }
            }
        }
    }

    private static List<String> row(ProtocolRun run, HandScore hand) {
        List<String> row = new ArrayList<>(List.of(run.model().label(), run.protocol().key(),
                Long.toString(hand.image().id()), hand.image().fileName(), Long.toString(hand.label().id()),
                side(hand.label().side()), hand.detected() ? side(hand.prediction().side()) : "",
                Boolean.toString(hand.detected()), hand.detected() ? number(hand.prediction().score()) : "",
                number(hand.label().size()), number(hand.meanErrorPx()),
                number(hand.meanNormalisedError()), number(hand.meanError3dMm()),
                number(hand.meanPaError3dMm())));
        for (double error : hand.errorPx()) {
            row.add(number(error));
        }
        return row;
    }

    private static String side(HandSide side) {
        return side == null ? "" : side.name().toLowerCase(Locale.ROOT);
    }

    /** Empty for NaN (not measured), {@code inf} for a missed joint, else four decimals. */
    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return "inf";
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
