package dev.handscope.render.hud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Left/right readouts: one row per tracked hand with its id, the model's label and score, the
 * geometric label (a warning mark when the two disagree) and the hand's presence.
 */
public final class HandReadouts extends VBox {

    /** One hand's readings. */
    public record Row(int id, String model, double modelScore, String geometric, double geometricScore,
                      boolean disagree, double presence, Color colour, double abDistancePx, String gesture) {
    }

    private final List<Label> rows = new ArrayList<>();
    private final Label empty = new Label("no hands");

    public HandReadouts() {
        setId("readouts");
        getStyleClass().add("hud");
        setSpacing(3);
        setPadding(new Insets(8, 10, 8, 10));
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setMouseTransparent(true);
        empty.getStyleClass().add("hud-text");
        getChildren().add(empty);
        StackPane.setAlignment(this, Pos.BOTTOM_LEFT);
        StackPane.setMargin(this, new Insets(10));
    }

    public void update(List<Row> hands) {
        while (rows.size() < hands.size()) {
            Label row = new Label();
            row.getStyleClass().addAll("hud-text", "readout-row");
            rows.add(row);
        }
        getChildren().setAll(hands.isEmpty() ? List.of(empty) : rows.subList(0, hands.size()));
        for (int i = 0; i < hands.size(); i++) {
            Row hand = hands.get(i);
            Label row = rows.get(i);
            row.setText(String.format(Locale.ROOT, "#%d  %s %.2f  ·  geometry %s %.2f%s  ·  presence %.2f", hand.id(),
                    hand.model(), hand.modelScore(), hand.geometric(), hand.geometricScore(),
                    hand.disagree() ? "  ⚠ disagree" : "", hand.presence())
                    + (hand.abDistancePx() >= 0 ? String.format(Locale.ROOT, "  ·  A/B %.1f px", hand.abDistancePx()) : "")
                    + (hand.gesture() == null ? "" : "  ·  " + hand.gesture()));
            row.setTextFill(hand.disagree() ? Color.web("#ffb347") : hand.colour());
        }
    }

    /** The rows as shown (for tests and snapshots). */
    public List<String> texts() {
        return rows.stream().filter(getChildren()::contains).map(Label::getText).toList();
    }
}
