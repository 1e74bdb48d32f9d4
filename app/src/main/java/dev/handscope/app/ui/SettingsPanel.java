package dev.handscope.app.ui;

import dev.handscope.app.settings.Settings;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;

/**
 * The settings side panel: tracking (hands, model, thresholds, smoothing, head pose), views and outputs. Every change
 * is applied at once and reported as a whole {@link Settings} to the owner, which saves it.
 */
final class SettingsPanel extends VBox {
    private final Spinner<Integer> numHands = new Spinner<>(1, 4, 2);
    private final ChoiceBox<String> model = new ChoiceBox<>();
    private final Slider detection = slider();
    private final Slider presence = slider();
    private final Slider tracking = slider();
    private final CheckBox smoothing = new CheckBox("Smooth landmarks (One Euro)");
    private final Slider strength = new Slider(0, 1, 0.5);
    private final ChoiceBox<String> cameraSize = new ChoiceBox<>();
    final CheckBox show3d = new CheckBox("3D view");
    final CheckBox wireframe = new CheckBox("Wireframe");
    final CheckBox skeleton = new CheckBox("Skeleton in 3D");
    final CheckBox guides = new CheckBox("Grid and axes");
    final CheckBox centred = new CheckBox("Each hand centred");
    final CheckBox hud = new CheckBox("Latency HUD");
    final CheckBox readouts = new CheckBox("Left/right readouts");
    private final CheckBox headPose = new CheckBox("Head pose (track faces)");
    /** The head pose switch as saved: what the user last chose, not what a command-line option started with. */
    private boolean savedHeadPose;
    final CheckBox mineFailures = new CheckBox("Mine failures (snapshots)");
    private final OutputsSection outputs;
    private boolean applying;

    /**
     * @param mirror   the display's mirroring (not saved)
     * @param faces    head pose on or off (P): shown and switched here, saved when the user switches it
     * @param vm       the window's OSC and VMC outputs (switches, targets, live rate): shown and set here
     */
    SettingsPanel(Settings initial, BooleanProperty mirror, BooleanProperty faces, WindowViewModel vm,
                  Consumer<Settings> onChange) {
        setId("settings-panel");
        getStyleClass().add("settings-panel");
        setSpacing(8);
        setPadding(new Insets(12));
        setPrefWidth(260);
        numHands.setId("settings-num-hands");
        model.getItems().addAll("full", "lite");
        model.setId("settings-model");
        smoothing.setId("settings-smoothing");
        cameraSize.getItems().addAll("default", "640x480", "1280x720", "1920x1080");
        cameraSize.setId("settings-camera-size");
        CheckBox mirrorBox = new CheckBox("Mirror the display");
        mirrorBox.selectedProperty().bindBidirectional(mirror);
        headPose.setId("settings-head-pose");
        headPose.selectedProperty().bindBidirectional(faces);
        getChildren().addAll(heading("Tracking"), new Label("Hands"), numHands, new Label("Model"), model,
                caption("Palm detection confidence", detection), detection,
                caption("Hand presence confidence", presence), presence,
                caption("Same-hand overlap (tracking)", tracking), tracking,
                smoothing, caption("Smoothing strength", strength), strength, headPose,
                heading("Camera"), new Label("Frame size (cameras)"), cameraSize,
                heading("View"), mirrorBox, show3d, wireframe, skeleton, guides, centred, hud, readouts,
                heading("Debug"), mineFailures);
        Runnable changed = () -> {
            if (!applying) {
                onChange.accept(current());
            }
        };
        outputs = new OutputsSection(initial, vm, changed);
        getChildren().addAll(heading("Outputs"), outputs);
        apply(initial);
        numHands.valueProperty().addListener((o, a, b) -> changed.run());
        model.valueProperty().addListener((o, a, b) -> changed.run());
        cameraSize.valueProperty().addListener((o, a, b) -> changed.run());
        for (Slider s : new Slider[] {detection, presence, tracking, strength}) {
            s.valueChangingProperty().addListener((o, was, now) -> {
                if (!now) {
                    changed.run();
                }
            });
            s.setOnMouseReleased(e -> changed.run());
        }
        for (CheckBox box : new CheckBox[] {smoothing, show3d, wireframe, skeleton, guides, centred, hud, readouts,
            mineFailures}) {
            box.selectedProperty().addListener((o, a, b) -> changed.run());
        }
        headPose.selectedProperty().addListener((o, a, on) -> {
            savedHeadPose = on;
            changed.run();
        });
    }

    private static Slider slider() {
        Slider slider = new Slider(0, 1, 0.5);
        slider.setBlockIncrement(0.05);
        return slider;
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("settings-heading");
        return label;
    }

    static Label caption(String text, Slider slider) {
        Label label = new Label();
        label.textProperty().bind(slider.valueProperty().asString(Locale.ROOT, text + ": %.2f"));
        return label;
    }

    /** Strength 0..1 maps to a One Euro min cutoff from 1 Hz (light) down to 0.01 Hz (heavy), log scale. */
    private static double cutoffOf(double strength) {
        return Math.pow(10, -2 * strength);
    }

    private static double strengthOf(double cutoff) {
        return Math.max(0, Math.min(1, -Math.log10(cutoff) / 2));
    }

    void apply(Settings s) {
        applying = true;
        try {
            numHands.getValueFactory().setValue(s.numHands());
            model.setValue(s.model());
            detection.setValue(s.minDetection());
            presence.setValue(s.minPresence());
            tracking.setValue(s.minTracking());
            smoothing.setSelected(s.smoothing());
            strength.setValue(strengthOf(s.smoothingCutoff()));
            show3d.setSelected(s.show3d());
            wireframe.setSelected(s.wireframe());
            skeleton.setSelected(s.skeleton());
            guides.setSelected(s.guides());
            centred.setSelected(s.centred());
            hud.setSelected(s.hud());
            readouts.setSelected(s.readouts());
            mineFailures.setSelected(s.mineFailures());
            cameraSize.setValue(cameraSize.getItems().contains(s.cameraSize()) ? s.cameraSize() : "default");
            savedHeadPose = s.headPose();
            outputs.apply(s);
        } finally {
            applying = false;
        }
    }

    Settings current() {
        return outputs.saved(new Settings(numHands.getValue(), model.getValue(), round(detection.getValue()), round(presence.getValue()),
                round(tracking.getValue()), smoothing.isSelected(), cutoffOf(strength.getValue()), show3d.isSelected(),
                wireframe.isSelected(), skeleton.isSelected(), guides.isSelected(), centred.isSelected(),
                hud.isSelected(), readouts.isSelected(), cameraSize.getValue(),
                savedHeadPose, mineFailures.isSelected()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
