package dev.handscope.app.ui;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.settings.ConfigFiles;
import dev.handscope.app.settings.GestureStore;
import dev.handscope.engine.gesture.UserGestures;
import dev.handscope.engine.result.HandResult;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Teaching gestures by example: name one, hold the pose, and its poses are recorded from the
 * tracked hand; they are matched from then on and saved in the config folder after every change.
 * Gesture sets export to and import from files to share them.
 */
final class GesturePanel extends VBox {
    /** Time to get the hand into the pose after pressing Record. */
    static final long READY_NANOS = 1_000_000_000L;
    static final long RECORD_NANOS = 3_000_000_000L;
    /** Poses are taken at most this often: neighbouring frames add little. */
    private static final long POSE_EVERY_NANOS = 80_000_000L;
    private static final int MIN_POSES = 5;

    private final UserGestures gestures;
    private final GestureStore store;
    private final TaskExecutor executor;
    private final java.util.function.BooleanSupplier tracking;
    private final ListView<String> list = new ListView<>();
    private final TextField name = new TextField();
    private final Button record = new Button("Record");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("Name a gesture, press Record, hold the pose.");
    private final Slider threshold = new Slider(0.2, 1.2, UserGestures.DEFAULT_THRESHOLD);
    /** How far the tracked hand is from the nearest recorded gesture, live: for choosing the threshold. */
    private final Label live = new Label();
    private final List<float[]> poses = new ArrayList<>();
    private String recording;
    private long started = -1;
    private long lastPose;

    /** @param tracking whether hands are being tracked now (recording needs it) */
    GesturePanel(UserGestures gestures, GestureStore store, TaskExecutor executor,
                 java.util.function.BooleanSupplier tracking) {
        this.gestures = gestures;
        this.store = store;
        this.executor = executor;
        this.tracking = tracking;
        setId("gesture-panel");
        getStyleClass().add("settings-panel");
        setSpacing(8);
        setPadding(new Insets(12));
        list.setId("gesture-list");
        list.setPrefHeight(120);
        name.setId("gesture-name");
        name.setPromptText("name, e.g. shaka");
        name.setOnAction(event -> toggleRecording());
        record.setId("gesture-record");
        record.setOnAction(event -> toggleRecording());
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("gesture-status");
        status.setWrapText(true);
        Button delete = new Button("Delete");
        delete.setId("gesture-delete");
        delete.setOnAction(event -> deleteSelected());
        Button exportButton = new Button("Export…");
        exportButton.setOnAction(event -> exportSet());
        Button importButton = new Button("Import…");
        importButton.setOnAction(event -> importSet());
        threshold.setId("gesture-threshold");
        threshold.setValue(gestures.threshold());
        threshold.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                thresholdChanged();
            }
        });
        threshold.setOnMouseReleased(event -> thresholdChanged());
        live.setId("gesture-live");
        Label hint = new Label("Yours win over the built-in gestures when a pose matches.");
        hint.setWrapText(true);
        getChildren().addAll(SettingsPanel.heading("Your gestures"), list, new HBox(6, name, record), progress, status,
                new HBox(6, delete, exportButton, importButton),
                SettingsPanel.caption("Match distance (lower is stricter)", threshold), threshold, live, hint);
        refresh();
    }

    /** Focuses the name field (the G key). */
    void startNaming() {
        name.requestFocus();
    }

    /** Is a recording (or its countdown) running? */
    boolean recording() {
        return recording != null;
    }

    /** A new result on screen: feeds a running recording with the first hand's pose. */
    void onFrame(List<HandResult> hands, long now) {
        if (recording == null) {
            showNearest(hands);
            return;
        }
        long elapsed = now - started;
        if (elapsed < READY_NANOS) {
            status.setText(String.format(Locale.ROOT, "Get into the pose… %.1f s", (READY_NANOS - elapsed) / 1e9));
            return;
        }
        progress.setProgress(Math.min(1, (elapsed - READY_NANOS) / (double) RECORD_NANOS));
        if (!hands.isEmpty() && now - lastPose >= POSE_EVERY_NANOS) {
            poses.add(hands.get(0).worldLandmarks().toArray());
            lastPose = now;
        }
        status.setText("Recording '" + recording + "': hold still… " + poses.size() + " poses");
        if (elapsed >= READY_NANOS + RECORD_NANOS) {
            finishRecording();
        }
    }

    private void showNearest(List<HandResult> hands) {
        UserGestures.Nearest nearest = hands.isEmpty() ? null : gestures.nearest(hands.get(0).worldLandmarks().toArray());
        live.setText(nearest == null ? "" : String.format(Locale.ROOT, "Hand now: nearest '%s' at %.2f (%s)",
                nearest.name(), nearest.distance(), nearest.distance() <= gestures.threshold() ? "matches" : "no match"));
    }

    private void toggleRecording() {
        if (recording != null) {
            stopRecording("Recording cancelled.");
            return;
        }
        String wanted = name.getText().trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (!UserGestures.isValidName(wanted)) {
            status.setText("A name is 1 to 40 letters, digits or _ (e.g. shaka).");
            return;
        }
        if (!tracking.getAsBoolean()) {
            status.setText("Hand tracking is not running (off, failed or still loading): nothing to record yet.");
            return;
        }
        recording = wanted;
        started = System.nanoTime();
        lastPose = 0;
        poses.clear();
        progress.setProgress(0);
        record.setText("Cancel");
        status.setText("Get into the pose…");
    }

    private void finishRecording() {
        String taught = recording;
        if (poses.size() < MIN_POSES) {
            stopRecording("Saw a hand on only " + poses.size() + " frames; keep one hand in view and try again.");
            return;
        }
        int count = poses.size();
        gestures.add(taught, List.copyOf(poses));
        changed(); // the list shows the gesture before the status says it is recorded
        stopRecording("Recorded '" + taught + "' (" + count + " poses).");
    }

    private void stopRecording(String message) {
        recording = null;
        poses.clear();
        record.setText("Record");
        progress.setProgress(0);
        status.setText(message);
    }

    private void deleteSelected() {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index < 0) {
            status.setText("Select a gesture to delete.");
            return;
        }
        String gesture = new ArrayList<>(gestures.samples().keySet()).get(index);
        gestures.remove(gesture);
        status.setText("Deleted '" + gesture + "'.");
        changed();
    }

    private void thresholdChanged() {
        if (Math.abs(threshold.getValue() - gestures.threshold()) > 1e-9) {
            gestures.setThreshold(Math.round(threshold.getValue() * 100) / 100.0);
            changed();
        }
    }

    /** The list shown, and the gestures saved (in the background). */
    private void changed() {
        refresh();
        executor.execute(() -> {
            store.save(gestures);
            return null;
        }, done -> { }, error -> status.setText("Cannot save " + store.file() + ": " + error.getMessage()));
    }

    /** Shows what the gestures hold now (after loading or importing). */
    void refresh() {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, List<float[]>> gesture : gestures.samples().entrySet()) {
            rows.add(gesture.getKey() + " · " + gesture.getValue().size() + " poses");
        }
        list.getItems().setAll(rows);
        threshold.setValue(gestures.threshold());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HandScope gesture sets", "*.json"));
        return chooser;
    }

    private void exportSet() {
        FileChooser chooser = chooser("Export your gestures");
        chooser.setInitialFileName("gestures.json");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            Path target = file.toPath();
            executor.execute(() -> {
                GestureStore.write(gestures, target);
                return null;
            }, done -> status.setText("Exported " + gestures.samples().size() + " gestures to " + target + "."),
                    error -> status.setText("Cannot export to " + target + ": " + error.getMessage()));
        }
    }

    private void importSet() {
        File file = chooser("Import gestures").showOpenDialog(getScene().getWindow());
        if (file != null) {
            importFrom(file.toPath(), problem -> { });
        }
    }

    /**
     * Adds a gesture set's gestures (replacing same-named ones) and takes its match distance, as
     * {@code detect --gestures} does (the set was tuned with it), then saves. Why a set was not
     * imported goes to the panel's status line and to {@code onFailure} (for a notice when the
     * panel is not open).
     */
    void importFrom(Path source, Consumer<String> onFailure) {
        executor.execute(() -> GestureStore.read(source), set -> {
            set.into(gestures);
            status.setText("Imported " + set.poses().size() + " gestures from " + source + " (match distance "
                    + set.threshold() + ").");
            changed();
        }, error -> {
            String problem = source + " was not imported: " + ConfigFiles.reason(error, source);
            status.setText(problem);
            onFailure.accept(problem);
        });
    }
}
