package dev.handscope.render.hud;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The strip under the video: state, source, frame size, capture and display rates, drops. */
public final class StatusBar extends HBox {
    private final Label state = label("state");
    private final Label source = label("source");
    private final Label frameSize = label("frame-size");
    private final Label captureRate = label("capture-fps");
    private final Label displayRate = label("display-fps");
    private final Label dropped = label("dropped");
    private final Label frameNumber = label("frame-number");
    private final Label pipelineRate = label("pipeline-fps");
    private final Label hands = label("hands");
    private final Label tracking = label("tracking");

    public StatusBar() {
        getStyleClass().add("status-bar");
        setSpacing(14);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        source.setMinWidth(60);
        HBox.setHgrow(source, Priority.ALWAYS);
        source.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        getChildren().addAll(state, source, spacer, tracking, hands, frameSize, captureRate, pipelineRate, displayRate,
                dropped, frameNumber);
        update(new StatusReadings("Starting", StatusReadings.Severity.WAITING, "", 0, 0, 0, 0, 0, -1, -1, 0, ""));
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-item");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** Shows new readings; call on the FX thread. */
    public void update(StatusReadings readings) {
        state.setText(readings.state());
        String severity = "state-" + readings.severity().name().toLowerCase(Locale.ROOT);
        if (!state.getStyleClass().contains(severity)) {
            state.getStyleClass().removeIf(style -> style.startsWith("state-"));
            state.getStyleClass().add(severity);
        }
        source.setText(readings.source());
        frameSize.setText(readings.width() > 0 ? readings.width() + "×" + readings.height() : "no frame");
        captureRate.setText(String.format(Locale.ROOT, "capture %.1f fps", readings.captureFps()));
        displayRate.setText(String.format(Locale.ROOT, "display %.1f fps", readings.displayFps()));
        dropped.setText("dropped " + readings.droppedFrames());
        frameNumber.setText(readings.frameSequence() >= 0 ? "frame " + readings.frameSequence() : "");
        pipelineRate.setText(readings.pipelineFps() >= 0
                ? String.format(Locale.ROOT, "tracking %.1f fps", readings.pipelineFps()) : "");
        hands.setText(readings.pipelineFps() >= 0 ? "hands " + readings.hands() : "");
        tracking.setText(readings.tracking());
    }

    public String captureRateText() {
        return captureRate.getText();
    }

    public String stateText() {
        return state.getText();
    }
}
