package dev.handscope.render.hud;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts, shown over the window on "?" and hidden on any key. */
public final class ShortcutHelp extends StackPane {

    /** One line of the help: the keys as written on them, and what they do. */
    public record Row(String keys, String action) {
    }

    public ShortcutHelp(List<Row> shortcuts) {
        setId("shortcut-help");
        setVisible(false);
        getStyleClass().add("shortcut-help");
        GridPane keys = new GridPane();
        keys.setHgap(18);
        keys.setVgap(6);
        for (int i = 0; i < shortcuts.size(); i++) {
            Label key = new Label(shortcuts.get(i).keys());
            key.getStyleClass().add("shortcut-key");
            Label action = new Label(shortcuts.get(i).action());
            action.getStyleClass().add("notice-message");
            keys.add(key, 0, i);
            keys.add(action, 1, i);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("notice-title");
        VBox card = new VBox(14, title, keys);
        card.getStyleClass().add("notice-card");
        card.setPadding(new Insets(20));
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
    }

    public void toggle() {
        setVisible(!isVisible());
    }
}
