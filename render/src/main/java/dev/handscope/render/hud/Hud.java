package dev.handscope.render.hud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The latency HUD over the video: frame rates, each stage's time for the current frame and its
 * median / p95 over the last seconds, end to end (capture to screen), a live chart of end-to-end
 * latency, and what runs (model, device, hands). Labels are created once and updated in place.
 */
public final class Hud extends VBox {

    /** One stage's figures in milliseconds (negative: not measured). */
    public record StageRow(String name, double nowMs, double medianMs, double p95Ms) {
    }

    private final Label rates = label("hud-rates");
    private final GridPane table = new GridPane();
    private final List<Label[]> cells = new ArrayList<>();
    private final Canvas chart = new Canvas(250, 54);
    private final Label info = label("hud-info");

    public Hud() {
        setId("hud");
        getStyleClass().add("hud");
        setSpacing(4);
        setPadding(new Insets(8, 10, 8, 10));
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setMouseTransparent(true);
        table.setHgap(10);
        String[] headings = {"ms", "now", "median", "p95"};
        for (int c = 0; c < headings.length; c++) {
            Label heading = label(null);
            heading.setText(headings[c]);
            heading.getStyleClass().add("hud-heading");
            table.add(heading, c, 0);
        }
        getChildren().addAll(rates, table, chart, info);
    }

    private static Label label(String id) {
        Label label = new Label();
        if (id != null) {
            label.setId(id);
        }
        label.getStyleClass().add("hud-text");
        return label;
    }

    /**
     * Shows new figures; call on the FX thread.
     *
     * @param endToEnd recent end-to-end latencies in ms, oldest first ({@code count} of them)
     */
    public void update(String rateText, List<StageRow> rows, double[] endToEnd, int count, String infoText) {
        rates.setText(rateText);
        while (cells.size() < rows.size()) {
            Label[] row = {label(null), label(null), label(null), label(null)};
            row[0].getStyleClass().add("hud-stage");
            for (int c = 0; c < row.length; c++) {
                GridPane.setHalignment(row[c], c == 0 ? javafx.geometry.HPos.LEFT : javafx.geometry.HPos.RIGHT);
                table.add(row[c], c, cells.size() + 1);
            }
            cells.add(row);
        }
        for (int r = 0; r < rows.size(); r++) {
            StageRow row = rows.get(r);
            Label[] line = cells.get(r);
            line[0].setText(row.name());
            line[1].setText(ms(row.nowMs()));
            line[2].setText(ms(row.medianMs()));
            line[3].setText(ms(row.p95Ms()));
        }
        info.setText(infoText);
        drawChart(endToEnd, count);
    }

    private static String ms(double value) {
        return value < 0 ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** End-to-end latency over the last seconds, with a 33 ms (30 fps) guide line. */
    private void drawChart(double[] values, int count) {
        GraphicsContext g = chart.getGraphicsContext2D();
        double w = chart.getWidth();
        double h = chart.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.rgb(255, 255, 255, 0.06));
        g.fillRect(0, 0, w, h);
        double top = 100;
        for (int i = 0; i < count; i++) {
            top = Math.max(top, values[i] * 1.1);
        }
        double guide = h - 33 / top * h;
        g.setStroke(Color.rgb(255, 255, 255, 0.25));
        g.setLineWidth(1);
        g.strokeLine(0, guide, w, guide);
        g.setFill(Color.rgb(255, 255, 255, 0.45));
        g.fillText(String.format(Locale.ROOT, "end to end, last 5 s (max %.0f ms)", top / 1.1), 4, 11);
        if (count < 2) {
            return;
        }
        g.setStroke(Color.web("#8fd18f"));
        g.setLineWidth(1.4);
        g.beginPath();
        for (int i = 0; i < count; i++) {
            double x = w * i / (count - 1);
            double y = h - values[i] / top * h;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    /** Top-left placement inside a StackPane. */
    public Hud placed() {
        javafx.scene.layout.StackPane.setAlignment(this, Pos.TOP_LEFT);
        javafx.scene.layout.StackPane.setMargin(this, new Insets(10));
        return this;
    }
}
