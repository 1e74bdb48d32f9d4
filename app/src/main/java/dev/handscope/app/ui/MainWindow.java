package dev.handscope.app.ui;

import static dev.handscope.app.ui.actions.WindowAction.*;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.export.recording.ExportFormat;
import dev.handscope.app.export.recording.RecordingExport;
import dev.handscope.app.settings.CalibrationStore;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.ui.actions.ActionMap;
import dev.handscope.app.ui.actions.Shortcuts;
import dev.handscope.app.ui.actions.WindowAction;
import dev.handscope.app.ui.controllers.DatasetController;
import dev.handscope.app.ui.controllers.FailureMining;
import dev.handscope.app.ui.controllers.FrameExports;
import dev.handscope.app.ui.controllers.RecordingExports;
import dev.handscope.app.ui.controllers.SettingsController;
import dev.handscope.app.ui.controllers.SourceController;
import dev.handscope.app.ui.controllers.TrackingController;
import dev.handscope.app.ui.controllers.WindowCalibration;
import dev.handscope.app.ui.viewmodel.DatasetViewModel;
import dev.handscope.app.ui.viewmodel.ShownFrame;
import dev.handscope.app.ui.viewmodel.WindowViewModel;
import dev.handscope.engine.capture.CaptureStatus;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.gesture.UserGestures;
import dev.handscope.render.HandScopeStyle;
import dev.handscope.render.hud.ShortcutHelp;
import dev.handscope.render.hud.StatusBar;
import dev.handscope.render.hud.StatusReadings;
import dev.handscope.render.overlay.LabelHand;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window: toolbar, live video with its overlay, notices, status bar. It lays out and
 * binds; the state is in a {@link WindowViewModel}, the source and tracking lifecycles in their
 * controllers, what each key, button and menu does in an {@link ActionMap}. The FX thread only
 * draws: frames arrive from the capture thread through the session's newest-wins slot and are
 * picked up once per pulse by the {@link FramePresenter}; anything slow goes through the
 * {@link TaskExecutor}.
 */
public final class MainWindow {
    private static final long STATUS_REFRESH_NANOS = 250_000_000L;

    private final Stage stage;
    private final WindowOptions options;
    private final WindowViewModel vm = new WindowViewModel();
    private final ActionMap actions = new ActionMap();
    private final Shortcuts shortcuts = Shortcuts.standard();
    private final ShortcutHelp help = new ShortcutHelp(shortcuts.helpRows());
    private final WindowNoticeBoard notices = new WindowNoticeBoard(actions);
    private final UnpackProgress unpack = new UnpackProgress();
    private final StatusBar statusBar = new StatusBar();
    private final ScrollPane settingsScroll = new ScrollPane();
    private final SplitPane split = new SplitPane();
    private final UserGestures userGestures = new UserGestures();
    private final SettingsController settings;
    private final SourceController source;
    private final TrackingController tracking;
    private final FrameExports exports;
    private final RecordingExports recordingExports;
    private final WindowCalibration calibration;
    private final GesturePanel gesturePanel;
    private final FramePresenter presenter;
    private final WindowToolbar toolbar;
    private final MeshViewPlacement meshPlacement;
    private final SnapshotRun snapshot;
    private final DatasetViewModel datasetVm = new DatasetViewModel();
    private final DatasetController dataset;
    /** Frames shown before a dataset's browsing began: a snapshot counts the frames after. */
    private long settledBeforeBrowsing;
    private final AnimationTimer displayLoop = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse(now);
        }
    };
    private boolean swallowTyped;
    private long lastStatusRefresh;

    public MainWindow(Stage stage, WindowOptions options, TaskExecutor executor, IntConsumer exit) {
        this.stage = stage;
        this.options = options;
        settings = new SettingsController(executor, vm, userGestures);
        source = new SourceController(options, executor, vm, new SourceController.Listener() {
            @Override
            public void replacing() {
                presenter.clear();
                notices.notice.hide();
            }

            @Override
            public void status(CaptureStatus update) {
                onStatus(update);
                dataset.status(update);
            }
        });
        gesturePanel = new GesturePanel(userGestures, settings.gestureStore(), executor, this::trackingRuns);
        StackPane videoArea = new StackPane();
        presenter = new FramePresenter(vm, gesturePanel, videoArea, this::comparisonName,
                () -> refreshStatus(System.nanoTime()), options.tracking().fovDegrees());
        tracking = new TrackingController(options, executor, vm, notices, userGestures, source::session,
                List.of(presenter.recentEvents));
        source.trackWith(tracking);
        exports = new FrameExports(options, executor, vm, tracking);
        recordingExports = new RecordingExports(executor, vm, options.tracking(), Platform::runLater);
        calibration = new WindowCalibration(executor, vm, CalibrationStore.standard());
        new FailureMining(executor, vm, tracking, exports); // follows vm.mineFailures from here on
        toolbar = new WindowToolbar(vm, actions, source);
        meshPlacement = new MeshViewPlacement(presenter.meshView, split, stage, options.tracking().enabled());
        snapshot = new SnapshotRun(options, stage, executor, exit, () -> refreshStatus(System.nanoTime()),
                presenter::shownFrames, () -> presenter.latencies.report(System.nanoTime())
                        + "\nStart-up, since the JVM started: " + presenter.startup.summary());
        dataset = new DatasetController(executor, datasetVm, source, notices, options.tracking().enabled(),
                problem -> snapshot.take(WindowOptions.SNAPSHOT_SOURCE_FAILED, problem));
        presenter.onTracked(dataset::tracked);
        bindActions();
        bindState();

        BorderPane root = new BorderPane();
        root.setTop(toolbar.build());
        split.getItems().add(videoArea);
        SettingsPanel settingsPanel = new SettingsPanel(vm.settings.get(), vm.mirrored, vm.headPose, vm,
                changed -> settings.changed(changed, source, tracking));
        // The panel holds the saved values; the controls elsewhere follow it (and write back to it).
        vm.show3d.bindBidirectional(settingsPanel.show3d.selectedProperty());
        vm.wireframe.bindBidirectional(settingsPanel.wireframe.selectedProperty());
        vm.skeleton.bindBidirectional(settingsPanel.skeleton.selectedProperty());
        vm.guides.bindBidirectional(settingsPanel.guides.selectedProperty());
        vm.centred.bindBidirectional(settingsPanel.centred.selectedProperty());
        vm.hud.bindBidirectional(settingsPanel.hud.selectedProperty());
        vm.readouts.bindBidirectional(settingsPanel.readouts.selectedProperty());
        vm.mineFailures.bindBidirectional(settingsPanel.mineFailures.selectedProperty());
        settingsScroll.setContent(new VBox(settingsPanel, gesturePanel, new MinedFailuresPanel(vm)));
        settingsScroll.setFitToWidth(true);
        toolbar.settingsButton.selectedProperty().addListener((obs, was, show) -> root.setRight(show ? settingsScroll : null));
        videoArea.getChildren().setAll(presenter.video, presenter.hud, presenter.readouts, presenter.cropStrip,
                presenter.jointInfo, notices.notice, unpack.pane);
        videoArea.getStyleClass().add("video-area");
        root.setCenter(split);
        root.setBottom(new VBox(new DatasetBar(datasetVm), statusBar));
        Scene scene = new Scene(new StackPane(root, notices.message, help), 1024, 680);
        scene.getStylesheets().add(HandScopeStyle.stylesheet());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(KeyEvent.KEY_TYPED, this::onTyped);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.title);
        for (int size : new int[] {16, 32, 64, 256}) {
            var icon = MainWindow.class.getResource("/dev/handscope/assets/icons/handscope-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        stage.setMinWidth(480);
        stage.setMinHeight(320);
        stage.setOnHidden(event -> close());
    }

    private boolean trackingRuns() {
        return tracking.inference() != null;
    }

    private String comparisonName() {
        return tracking.comparisonName();
    }

    /** What each key, button and menu item runs. */
    private void bindActions() {
        actions.bind(TOGGLE_PAUSE, source::togglePause)
                .bind(NEXT_FRAME, source::step)
                .bind(STEP_FORWARD, () -> {
                    if (!presenter.historyForward()) {
                        source.step();
                    }
                })
                .bind(STEP_BACK, () -> {
                    vm.paused.set(true);
                    presenter.historyBack();
                })
                .bind(NEXT_IMAGE, () -> stepImage(1))
                .bind(PREVIOUS_IMAGE, () -> stepImage(-1))
                .bind(OPEN_FILE, this::chooseFile)
                .bind(OPEN_FOLDER, this::chooseFolder)
                .bind(RETRY, source::reopen)
                .bind(RESET_3D, presenter.meshView::resetView)
                .bind(DETACH_3D, meshPlacement::detach)
                .bind(SAVE_MESHES, () -> exports.saveMeshes(presenter.shown()))
                .bind(EXPORT_RECORDING, this::chooseRecordingExport)
                .bind(FAILURE_SNAPSHOT, this::failureSnapshot)
                .bind(TEACH_GESTURE, this::teachGesture)
                .toggle(MIRROR, vm.mirrored).toggle(TOGGLE_3D, vm.show3d).toggle(WIREFRAME, vm.wireframe)
                .toggle(SKELETON, vm.skeleton).toggle(GUIDES, vm.guides).toggle(CENTRED, vm.centred)
                .toggle(HUD, vm.hud).toggle(READOUTS, vm.readouts).toggle(PALMS, vm.palms).toggle(CROPS, vm.crops)
                .toggle(INDICES, vm.indices).toggle(THUMBNAILS, vm.thumbnails).toggle(COMPARE, vm.compare)
                .toggle(RECORD, vm.recording).toggle(HEAD_POSE, vm.headPose).toggle(MINE_FAILURES, vm.mineFailures)
                .toggle(CALIBRATE, vm.calibrating);
        for (WindowAction action : WindowAction.values()) {
            if (!actions.isBound(action)) {
                throw new IllegalStateException(action + " does nothing in the main window");
            }
        }
    }

    /** ↓ / ↑ on a dataset; said in the status bar when there is none or it is still being scored. */
    private void stepImage(int steps) {
        if (!dataset.step(steps)) {
            vm.say(datasetVm.dataset.get() == null ? "↑ / ↓ step through a dataset: --source FILE.json"
                    : "scoring the dataset: the order follows");
        }
    }

    /** What follows a change of state beyond the bindings. */
    private void bindState() {
        for (Observable labels : List.of(datasetVm.shown, datasetVm.filter, datasetVm.scoredCount)) {
            labels.addListener(changed -> presenter.showLabels(datasetVm.shownImage(), datasetVm.shownResult(),
                    datasetVm.filter.get()));
        }
        vm.paused.addListener((obs, was, paused) -> refreshStatus(System.nanoTime()));
        vm.show3d.addListener((obs, was, show) -> meshPlacement.show(show));
        vm.recording.addListener((obs, was, on) -> tracking.record(on, FrameExports.dataFolder().resolve("recordings"),
                presenter.shown().width(), presenter.shown().height()));
        vm.modelsLoaded.addListener((obs, was, loaded) -> {
            if (loaded) {
                presenter.startup.modelsLoaded();
            }
        });
    }

    public void show() {
        stage.show();
        presenter.startup.windowShown();
        unpack.start(options.tracking().enabled() && options.tracking().needsTensorFlow());
        displayLoop.start();
        if (options.dataset() != null) {
            dataset.open(options.dataset());
        } else {
            source.open(options.source());
        }
        toolbar.refreshCameras();
        tracking.load();
        if (settings.problem() != null) {
            notices.message("Saved settings not used", settings.problem());
        }
        if (options.tracking().gestures() != null) {
            gesturePanel.importFrom(options.tracking().gestures(),
                    problem -> notices.message("Gestures not imported", problem));
        }
        snapshot.arm();
    }

    /** Opens a source in place of the current one; the old one is closed in the background first. */
    public void open(SourceSpec requested) {
        source.open(requested);
    }

    /** Click on a joint: its coordinates and the hand's scores; a click elsewhere hides them. */
    void showJoint(double x, double y) {
        presenter.showJoint(x, y);
    }

    /** The dataset being browsed (for tests). */
    DatasetViewModel dataset() {
        return datasetVm;
    }

    /** The labels the overlay draws now (for tests). */
    List<LabelHand> labelsDrawn() {
        return presenter.labels();
    }

    private void onStatus(CaptureStatus update) {
        notices.sourceStatus(vm.source.get(), update);
        switch (update.state()) {
            case RETRYING, FAILED -> snapshot.take(WindowOptions.SNAPSHOT_SOURCE_FAILED, update.message());
            case ENDED -> snapshot.take(WindowOptions.SNAPSHOT_OK, null);
            default -> { }
        }
        refreshStatus(System.nanoTime());
    }

    private void onPulse(long now) {
        long framesBefore = presenter.shownFrames();
        presenter.pulse(now, tracking.inference(), source.session());
        if (presenter.shownFrames() != framesBefore) {
            if (dataset.busy()) {
                settledBeforeBrowsing = presenter.settledFrames();
            } else {
                snapshot.framesShown(presenter.settledFrames() - settledBeforeBrowsing);
            }
        }
        if (now - lastStatusRefresh > STATUS_REFRESH_NANOS) {
            refreshStatus(now);
        }
        unpack.pulse(now, vm.modelsLoaded.get() || vm.trackingSettled.get());
    }

    private void refreshStatus(long now) {
        lastStatusRefresh = now;
        Image shownImage = presenter.video.image();
        if (vm.calibrating.get() && shownImage != null) { // four looks a second at most, one at a time
            calibration.look(ImagePixels.rgb(shownImage), (int) shownImage.getWidth(), (int) shownImage.getHeight());
        }
        double trackingFps = tracking.rate();
        tracking.checkFailures();
        double captureFps = source.captureRate();
        presenter.showRates(now, captureFps, Math.max(trackingFps, 0));
        ShownFrame shown = presenter.shown();
        statusBar.update(new StatusReadings(vm.stateWord(), vm.severity(), source.sourceText(), shown.width(),
                shown.height(), captureFps, presenter.displayRate(now), source.droppedFrames(), shown.sequence(),
                trackingFps, shown.hands().size(), vm.statusLine()));
    }

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl) {
            return; // typing a name, not a shortcut
        }
        if (help.isVisible() && !event.isShiftDown()) {
            help.setVisible(false);
            event.consume();
            return;
        }
        WindowAction action = shortcuts.actionFor(event.getCode());
        if (action != null) {
            actions.run(action);
            event.consume();
        }
    }

    private void onTyped(KeyEvent event) {
        if (swallowTyped) {
            swallowTyped = false; // the G that opened the name field is not part of the name
            event.consume();
            return;
        }
        if ("?".equals(event.getCharacter()) && !(event.getTarget() instanceof TextInputControl)) {
            help.toggle();
            event.consume();
        }
    }

    private void teachGesture() {
        toolbar.settingsButton.setSelected(true);
        // Build the just-shown panel now (focus needs it in the scene) and scroll to the gestures.
        settingsScroll.applyCss();
        settingsScroll.layout();
        settingsScroll.setVvalue(settingsScroll.getVmax());
        gesturePanel.startNaming();
        swallowTyped = true;
    }

    private void failureSnapshot() {
        Image image = presenter.video.image();
        exports.failureSnapshot(presenter.shown(), image == null ? null : ImagePixels.rgb(image),
                image == null ? 0 : (int) image.getWidth(), image == null ? 0 : (int) image.getHeight());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a video or an image");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Videos and images", "*.mp4", "*.mov", "*.mkv", "*.avi", "*.webm",
                        "*.jpg", "*.jpeg", "*.png", "*.bmp", "*.webp"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            source.open(SourceSpec.parse(file.getPath()));
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            source.open(SourceSpec.parse(folder.getPath()));
        }
    }

    /** Export recording…: which recording, which format, where to; then it runs in the background. */
    private void chooseRecordingExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export a recording");
        File recordings = FrameExports.dataFolder().resolve("recordings").toFile();
        if (recordings.isDirectory()) {
            chooser.setInitialDirectory(recordings);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Recordings", "*.mkv", "*.jsonl"));
        File recording = chooser.showOpenDialog(stage);
        if (recording == null) {
            return;
        }
        ChoiceDialog<ExportFormat> formats = new ChoiceDialog<>(ExportFormat.GLTF, ExportFormat.values());
        formats.initOwner(stage);
        formats.setTitle("Export recording");
        formats.setHeaderText("Format: CSV (landmarks by name), JSONL (frame results), GLTF (.glb animated mesh),"
                + " BVH (skeleton)");
        formats.showAndWait().ifPresent(format -> {
            Path suggested = RecordingExport.defaultOut(recording.toPath(), format);
            FileChooser save = new FileChooser();
            save.setTitle("Export to");
            save.setInitialDirectory(suggested.getParent().toFile());
            save.setInitialFileName(suggested.getFileName().toString());
            File out = save.showSaveDialog(stage);
            if (out != null) {
                recordingExports.start(recording.toPath(), format, out.toPath());
            }
        });
    }

    /** Stops drawing and closes the source, tracking and the stream. */
    public void close() {
        displayLoop.stop();
        meshPlacement.close();
        tracking.close();
        source.close();
    }
}
