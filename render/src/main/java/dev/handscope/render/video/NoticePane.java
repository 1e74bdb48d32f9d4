package dev.handscope.render.video;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A message over the video area with action buttons, e.g. "No camera found" with "Open file…".
 * Hidden when there is nothing to say.
 */
public final class NoticePane extends StackPane {
    private final Label title = new Label();
    private final Label message = new Label();
    private final HBox actions = new HBox(10);
    private final ProgressBar progress = new ProgressBar();

    /** @param id this pane's id; its parts are id-title, id-message and id-progress */
    public NoticePane(String id) {
        getStyleClass().add("notice-pane");
        setId(id);
        title.getStyleClass().add("notice-title");
        title.setId(id + "-title");
        message.getStyleClass().add("notice-message");
        message.setId(id + "-message");
        message.setWrapText(true);
        message.setMaxWidth(560);
        actions.setAlignment(Pos.CENTER);
        progress.setId(id + "-progress");
        progress.setPrefWidth(360);
        progress.setVisible(false);
        progress.setManaged(false);
        VBox card = new VBox(12, title, message, progress, actions);
        card.getStyleClass().add("notice-card");
        card.setAlignment(Pos.CENTER);
        card.setPadding(new Insets(20));
        card.setMaxSize(620, USE_PREF_SIZE);
        getChildren().add(card);
        setVisible(false);
        setManaged(true);
    }

    /** Shows the notice with the given buttons (which keep their own actions). */
    public void show(String titleText, String messageText, Button... buttons) {
        title.setText(titleText);
        message.setText(messageText);
        actions.getChildren().setAll(buttons);
        showProgressBar(false);
        setVisible(true);
    }

    /** Shows the notice with a progress bar (0 to 1) and no buttons. */
    public void showProgress(String titleText, String messageText, double fraction) {
        title.setText(titleText);
        message.setText(messageText);
        actions.getChildren().clear();
        progress.setProgress(fraction);
        showProgressBar(true);
        setVisible(true);
    }

    private void showProgressBar(boolean shown) {
        progress.setVisible(shown);
        progress.setManaged(shown);
    }

    public void hide() {
        setVisible(false);
        actions.getChildren().clear();
    }

    public String messageText() {
        return message.getText();
    }
}
