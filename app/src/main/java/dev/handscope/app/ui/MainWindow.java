package dev.handscope.app.ui;

import dev.handscope.engine.pipeline.ProcessedFrame;
import dev.handscope.engine.mediapipe.MediaPipeHands;
import static dev.handscope.app.ui.Shortcuts.flip;

import dev.handscope.app.concurrent.TaskExecutor;
import dev.handscope.app.setup.TrackingSetup;
import dev.handscope.app.setup.WindowOptions;
import dev.handscope.app.ui.Shortcuts.Shortcut;
import dev.handscope.engine.capture.CameraDiscovery;
import dev.handscope.engine.capture.CameraInfo;
import dev.handscope.engine.capture.CaptureSession;
import dev.handscope.engine.capture.CaptureStatus;
import dev.handscope.engine.capture.Frame;
import dev.handscope.engine.capture.SourceSpec;
import dev.handscope.engine.mesh.HandMesh;
import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.metrics.RateMeter;
import dev.handscope.engine.pipeline.HandPipeline;
import dev.handscope.engine.pipeline.InferenceLoop;
import dev.handscope.engine.result.HandResult;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.render.HandScopeStyle;
import dev.handscope.render.hud.HandReadouts;
import dev.handscope.render.hud.Hud;
import dev.handscope.render.hud.ShortcutHelp;
import dev.handscope.render.hud.StatusBar;
import dev.handscope.render.hud.StatusReadings;
import dev.handscope.render.mesh.HandMeshView;
import dev.handscope.render.overlay.HandOverlay;
import dev.handscope.render.video.NoticePane;
import dev.handscope.render.video.VideoView;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window: toolbar, live video with its overlay, notices, status bar. The FX thread only
 * draws: frames arrive from the capture thread through the session's newest-wins slot and are
 * picked up once per pulse; anything slow goes through the {@link TaskExecutor}.
 */
public final class MainWindow {
    private static final long STATUS_REFRESH_NANOS = 250_000_000L;
    private static final Duration SNAPSHOT_TIMEOUT = Duration.seconds(120);


    private final Stage stage;
    private final WindowOptions options;
    private final TaskExecutor executor;
    private final IntConsumer exit;

    private final VideoView video = new VideoView();
    private final NoticePane notice = new NoticePane("notice");
    /** App-level messages (settings, MANO) that a source's status must not hide. */
    private final NoticePane message = new NoticePane("message");
    private final StatusBar statusBar = new StatusBar();
    private final ToggleButton pauseButton = new ToggleButton("Pause");
    private final Button stepButton = new Button("Step ▸");
    private final ToggleButton mirrorButton = new ToggleButton("Mirror");
    private final ComboBox<CameraInfo> cameraBox = new ComboBox<>();
    private final HandMeshView meshView = new HandMeshView();
    private final Hud hud = new Hud().placed();
    private final HandReadouts readouts = new HandReadouts();
    private final dev.handscope.render.overlay.CropStrip cropStrip = new dev.handscope.render.overlay.CropStrip();
    private final javafx.scene.control.CheckMenuItem palmsItem = new javafx.scene.control.CheckMenuItem("Palm boxes (B)");
    private final javafx.scene.control.CheckMenuItem cropsItem = new javafx.scene.control.CheckMenuItem("Crop rectangles (C)");
    private final javafx.scene.control.CheckMenuItem indicesItem = new javafx.scene.control.CheckMenuItem("Keypoint indices (I)");
    private final javafx.scene.control.CheckMenuItem thumbnailsItem = new javafx.scene.control.CheckMenuItem("Model crops (T)");
    private final javafx.scene.control.CheckMenuItem compareItem = new javafx.scene.control.CheckMenuItem("A/B: other landmark model (A)");
    private final RecordingControl recorder;
    private final JointInfo jointInfo = new JointInfo();
    private dev.handscope.app.stream.EventServer server;
    private final javafx.scene.control.CheckMenuItem recordItem = new javafx.scene.control.CheckMenuItem("Record session (V)");
    private dev.handscope.engine.result.FrameResult shownResult;
    private final dev.handscope.app.settings.SettingsStore settingsStore = dev.handscope.app.settings.SettingsStore.standard();
    private dev.handscope.app.settings.Settings settings;
    /** Why saved settings or gestures could not be used (shown once the window is up), or null. */
    private String configProblem;
    private final dev.handscope.engine.gesture.UserGestures userGestures = new dev.handscope.engine.gesture.UserGestures();
    private final GesturePanel gesturePanel;
    private boolean swallowTyped;
    private final RecentEvents recentEvents = new RecentEvents();
    private final StartupTimes startup = new StartupTimes();
    /** On a first start, TensorFlow's natives being unpacked (shown with progress); null otherwise. */
    private dev.handscope.engine.pipeline.NativeUnpack unpacking;
    private long unpackStarted;
    private long lastUnpackCheck;
    private final NoticePane firstStart = new NoticePane("first-start");
    private SettingsPanel settingsPanel;
    private final ToggleButton settingsButton = new ToggleButton("Settings");
    private final javafx.scene.control.CheckMenuItem skeletonItem = new javafx.scene.control.CheckMenuItem("Skeleton");
    private final javafx.scene.control.CheckMenuItem guidesItem = new javafx.scene.control.CheckMenuItem("Grid and axes");
    private final javafx.scene.control.CheckMenuItem centredItem = new javafx.scene.control.CheckMenuItem("Each hand centred");
    private final javafx.scene.control.ScrollPane settingsScroll = new javafx.scene.control.ScrollPane();
    private final Shortcuts shortcuts;
    private final ShortcutHelp help;
    private final StageLatencies latencies = new StageLatencies();
    /** The last seconds of frames (up to 150, within 200 MB) for stepping back while paused. */
    private final FrameHistory history = new FrameHistory(200L << 20, 150);
    /** How many frames back from the newest is shown; -1 while live. */
    private int historyCursor = -1;
    private final ToggleButton meshButton = new ToggleButton("3D");
    private final javafx.scene.control.CheckMenuItem wireframeItem = new javafx.scene.control.CheckMenuItem("Wireframe");
    private final SplitPane split = new SplitPane();
    private final StackPane videoArea = new StackPane();
    private final RateMeter displayRate = RateMeter.perSecond();
    private HandPipeline pipeline;
    private HandMesher mesher;
    private InferenceLoop inference;
    private String trackingState = "";
    private List<HandResult> shownHands = List.of();
    private List<HandMesh> shownMeshes = List.of();
    private String lastMessage = "";
    /** Frames shown since tracking settled (running, off, or failed): what --snapshot-after counts. */
    private long settledFrames;
    private boolean trackingSettled;
    private final AnimationTimer displayLoop;

    private CaptureSession session;
    /** Counts opened sessions, so that status from a replaced one is recognised and ignored. */
    private long opened;
    private CaptureStatus status;
    private long shownSequence = -1;
    private long shownFrames;
    private int shownWidth;
    private int shownHeight;
    private long lastStatusRefresh;
    private boolean snapshotTaken;
    private boolean choosingCamera;

    public MainWindow(Stage stage, WindowOptions options, TaskExecutor executor, IntConsumer exit) {
        this.stage = stage;
        this.options = options;
        this.executor = executor;
        this.exit = exit;
        this.shortcuts = shortcuts();
        this.help = new ShortcutHelp(shortcuts.helpRows());
        this.recorder = new RecordingControl(executor, line -> lastMessage = line, this::recordingFailed);
        this.displayLoop = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onPulse(now);
            }
        };
        dev.handscope.app.settings.SettingsStore.Loaded loaded = settingsStore.load();
        settings = loaded.settings();
        var gestureStore = dev.handscope.app.settings.GestureStore.standard();
        String gestureProblem = gestureStore.load(userGestures);
        configProblem = loaded.problem() == null ? gestureProblem
                : gestureProblem == null ? loaded.problem() : loaded.problem() + "\n\n" + gestureProblem;
        gesturePanel = new GesturePanel(userGestures, gestureStore, executor,
                () -> inference != null);
        BorderPane root = new BorderPane();
        root.setTop(toolbar());
        split.getItems().add(videoArea);
        settingsPanel = new SettingsPanel(settings, mirrorButton.selectedProperty(), this::onSettingsChanged);
        // The panel holds the saved values; the controls elsewhere follow it (and write back to it).
        meshButton.selectedProperty().bindBidirectional(settingsPanel.show3d.selectedProperty());
        wireframeItem.selectedProperty().bindBidirectional(settingsPanel.wireframe.selectedProperty());
        skeletonItem.selectedProperty().bindBidirectional(settingsPanel.skeleton.selectedProperty());
        guidesItem.selectedProperty().bindBidirectional(settingsPanel.guides.selectedProperty());
        centredItem.selectedProperty().bindBidirectional(settingsPanel.centred.selectedProperty());
        hud.visibleProperty().bindBidirectional(settingsPanel.hud.selectedProperty());
        readouts.visibleProperty().bindBidirectional(settingsPanel.readouts.selectedProperty());
        settingsScroll.setContent(new javafx.scene.layout.VBox(settingsPanel, gesturePanel));
        settingsScroll.setFitToWidth(true);
        settingsButton.setId("settings-toggle");
        settingsButton.selectedProperty().addListener((obs, was, show) -> root.setRight(show ? settingsScroll : null));
        cropStrip.visibleProperty().bind(thumbnailsItem.selectedProperty());
        for (var item : List.of(palmsItem, cropsItem, indicesItem)) {
            item.selectedProperty().addListener((obs, was, now) -> redrawOverlay());
        }
        video.setOnMouseClicked(event -> showJoint(event.getX(), event.getY()));
        videoArea.getChildren().setAll(video, hud, readouts, cropStrip, jointInfo, notice, firstStart);
        videoArea.getStyleClass().add("video-area");
        root.setCenter(split);
        // Redraw the skeletons when the view changes size or mirror (also while paused).
        video.layoutBoundsProperty().addListener((obs, was, now) -> redrawOverlay());
        video.mirroredProperty().addListener((obs, was, now) -> redrawOverlay());
        // Labels make room for the HUD and the readouts, and take it back when they hide.
        hud.visibleProperty().addListener((obs, was, now) -> redrawOverlay());
        readouts.visibleProperty().addListener((obs, was, now) -> redrawOverlay());
        root.setBottom(statusBar);
        Scene scene = new Scene(new StackPane(root, message, help), 1024, 680);
        scene.getStylesheets().add(HandScopeStyle.stylesheet());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (swallowTyped) {
                swallowTyped = false; // the G that opened the name field is not part of the name
                event.consume();
                return;
            }
            if ("?".equals(event.getCharacter()) && !(event.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                help.toggle();
                event.consume();
            }
        });
        stage.setScene(scene);
        stage.setTitle("HandScope");
        for (int size : new int[] {16, 32, 64, 256}) {
            var icon = MainWindow.class.getResource("/dev/handscope/assets/icons/handscope-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setMinWidth(480);
        stage.setMinHeight(320);
        stage.setOnHidden(event -> close());
    }

    private ToolBar toolbar() {
        Button openFile = new Button("Open file…");
        openFile.setId("open-file");
        openFile.setOnAction(event -> chooseFile());
        openFile.setTooltip(new Tooltip("Open a video or an image (O)"));
        Button openFolder = new Button("Open folder…");
        openFolder.setId("open-folder");
        openFolder.setOnAction(event -> chooseFolder());
        cameraBox.setId("camera-choice");
        cameraBox.setPromptText("Camera");
        cameraBox.setCellFactory(list -> new CameraCell());
        cameraBox.setButtonCell(new CameraCell());
        cameraBox.setOnShowing(event -> refreshCameras());
        cameraBox.valueProperty().addListener((obs, was, camera) -> {
            if (camera != null && !choosingCamera) {
                open(camera.device().isEmpty() ? SourceSpec.camera(camera.index()) : SourceSpec.parse(camera.device()));
            }
        });
        pauseButton.setId("pause");
        pauseButton.setTooltip(new Tooltip("Pause / resume (Space)"));
        pauseButton.setOnAction(event -> setPaused(pauseButton.isSelected()));
        stepButton.setId("step");
        stepButton.setTooltip(new Tooltip("Show the next frame while paused (→)"));
        stepButton.setOnAction(event -> step());
        stepButton.disableProperty().bind(pauseButton.selectedProperty().not());
        mirrorButton.setId("mirror");
        mirrorButton.setTooltip(new Tooltip("Mirror the display only; tracking always sees the real image (M)"));
        video.mirroredProperty().bindBidirectional(mirrorButton.selectedProperty());
        meshButton.setId("mesh-toggle");
        meshButton.setTooltip(new Tooltip("Show the 3D hand meshes beside the video (3)"));
        meshButton.selectedProperty().addListener((obs, was, show) -> showMeshView(show));
        Button saveMeshes = new Button("Save meshes");
        saveMeshes.setId("save-meshes");
        saveMeshes.setTooltip(new Tooltip("Write the current hands as OBJ files and hands.json (S)"));
        saveMeshes.setOnAction(event -> saveMeshes());
        meshView.wireframeProperty().bind(wireframeItem.selectedProperty());
        meshView.mirroredProperty().bind(mirrorButton.selectedProperty());
        meshView.skeletonProperty().bind(skeletonItem.selectedProperty());
        meshView.guidesProperty().bind(guidesItem.selectedProperty());
        meshView.centredProperty().bind(centredItem.selectedProperty());
        javafx.scene.control.MenuItem detach = new javafx.scene.control.MenuItem("Detach into its own window");
        detach.setOnAction(event -> detachMeshView());
        javafx.scene.control.MenuItem reset = new javafx.scene.control.MenuItem("Reset view (double-click)");
        reset.setOnAction(event -> meshView.resetView());
        javafx.scene.control.MenuButton view3d = new javafx.scene.control.MenuButton("3D view", null, skeletonItem,
                wireframeItem, guidesItem, centredItem, reset, detach);
        view3d.setId("view-3d");
        javafx.scene.control.MenuItem failure = new javafx.scene.control.MenuItem("Failure snapshot (F)");
        failure.setOnAction(event -> failureSnapshot());
        compareItem.setId("compare");
        compareItem.selectedProperty().addListener((obs, was, on) -> compare(on));
        recordItem.setId("record");
        recordItem.selectedProperty().addListener((obs, was, on) -> record(on));
        javafx.scene.control.MenuButton debug = new javafx.scene.control.MenuButton("Debug", null, palmsItem, cropsItem,
                indicesItem, thumbnailsItem, compareItem, new javafx.scene.control.SeparatorMenuItem(), failure,
                recordItem);
        debug.setId("debug-menu");
        return new ToolBar(openFile, openFolder, cameraBox, new Separator(), pauseButton, stepButton,
                new Separator(), mirrorButton, meshButton, view3d, saveMeshes, debug, settingsButton);
    }

    public void show() {
        stage.show();
        startup.windowShown();
        if (options.tracking().enabled()) {
            var unpack = dev.handscope.engine.pipeline.NativeUnpack.tensorFlow();
            if (unpack != null && unpack.pending()) {
                unpacking = unpack;
                unpackStarted = System.nanoTime();
                showUnpackProgress();
            }
        }
        displayLoop.start();
        open(options.source());
        refreshCameras();
        loadTracking();
        if (configProblem != null) {
            message.show("Saved settings not used", configProblem, dismissButton());
        }
        if (options.tracking().gestures() != null) {
            gesturePanel.importFrom(options.tracking().gestures(),
                    problem -> message.show("Gestures not imported", problem, dismissButton()));
        }
        if (options.snapshot() != null) {
            PauseTransition timeout = new PauseTransition(SNAPSHOT_TIMEOUT);
            timeout.setOnFinished(event -> takeSnapshot(WindowOptions.SNAPSHOT_TIMED_OUT,
                    "only " + shownFrames + " of " + options.snapshotAfter() + " frames shown in "
                            + (int) SNAPSHOT_TIMEOUT.toSeconds() + " s"));
            timeout.play();
        }
    }

    /** First start: how far TensorFlow's natives are unpacked; hidden once done (or once tracking runs or fails). */
    private void showUnpackProgress() {
        long unpacked = unpacking.unpackedBytes();
        if (unpacked >= unpacking.expectedBytes() || pipeline != null || trackingSettled) {
            System.err.printf(java.util.Locale.ROOT, "handscope: first start: TensorFlow's native libraries (%d MB)"
                    + " unpacked in %.1f s%n", unpacking.expectedBytes() >> 20, (System.nanoTime() - unpackStarted) / 1e9);
            unpacking = null;
            firstStart.hide();
            return;
        }
        firstStart.showProgress("Preparing hand tracking", String.format(java.util.Locale.ROOT,
                "First start: unpacking TensorFlow's native libraries (%d of %d MB) into %s. Later starts skip this;"
                        + " the video plays meanwhile.", unpacked >> 20, unpacking.expectedBytes() >> 20,
                unpacking.cache()), unpacked / (double) unpacking.expectedBytes());
    }

    /** Loads the models in the background; the video plays meanwhile. */
    private void loadTracking() {
        TrackingSetup setup = options.tracking();
        if (!setup.enabled()) {
            trackingState = "tracking off";
            trackingSettled = true;
            return;
        }
        trackingState = "loading models…";
        executor.execute(() -> {
            ModelCatalogue models = ModelCatalogue.bundled();
            HandPipeline loaded = MediaPipeHands.pipeline(models.palmDetector(variant()),
                    models.handLandmarks(variant()), setup.runtime(), trackerOptions());
            StringBuilder warning = new StringBuilder();
            HandMesher built = setup.mesher(warning::append);
            return new LoadedTracking(loaded, built, warning.toString());
        }, loaded -> {
            pipeline = loaded.pipeline();
            startup.modelsLoaded();
            pipeline.tracker().keepModelViews(true); // crops and raw outputs for the debug views and snapshots
            pipeline.gestures().useGestures(userGestures);
            mesher = loaded.mesher();
            trackingState = variant().id() + " · " + pipeline.models().device().name();
            startInference();
            if (!loaded.manoProblem().isEmpty()) {
                message.show("MANO not loaded", loaded.manoProblem(), dismissButton());
            }
        }, error -> {
            trackingState = "tracking unavailable";
            trackingSettled = true;
            notice.show("Hand tracking unavailable", error.getMessage() + " The video keeps playing.", openFileButton());
        });
    }

    /** What loading the models gives: the pipeline, the mesher, and why MANO was not used (empty if it was). */
    private record LoadedTracking(HandPipeline pipeline, HandMesher mesher, String manoProblem) {
    }

    /** The model variant in effect: the command line's when given, else the saved setting. */
    private dev.handscope.models.catalogue.ModelVariant variant() {
        return options.tracking().explicit() ? options.tracking().variant()
                : dev.handscope.models.catalogue.ModelVariant.parse(settings.model());
    }

    private dev.handscope.engine.tracking.TrackerOptions trackerOptions() {
        if (options.tracking().explicit()) {
            return options.tracking().tracker();
        }
        var base = options.tracking().tracker();
        var smoothing = new dev.handscope.engine.tracking.SmoothingOptions(settings.smoothing(), settings.smoothingCutoff(),
                base.smoothing().beta(), base.smoothing().derivativeCutoff());
        return new dev.handscope.engine.tracking.TrackerOptions(settings.numHands(), settings.minDetection(),
                settings.minPresence(), settings.minTracking(), base.redetectInterval(), smoothing);
    }

    /** A change in the settings panel: applied at once (models reloaded if the variant changed) and saved. */
    private void onSettingsChanged(dev.handscope.app.settings.Settings changed) {
        boolean newModel = !changed.model().equals(settings.model());
        boolean newCameraSize = !changed.cameraSize().equals(settings.cameraSize());
        settings = changed;
        if (newCameraSize && session != null && session.spec().isCamera()) {
            int[] size = SourceSpec.parseSize(changed.cameraSize());
            open(session.spec().withSize(size[0], size[1]));
        }
        executor.execute(() -> {
            settingsStore.save(changed);
            return null;
        }, done -> { }, error -> lastMessage = "cannot save settings: " + error.getMessage());
        if (!options.tracking().enabled() || pipeline == null) {
            return;
        }
        if (newModel && !options.tracking().explicit()) {
            InferenceLoop running = inference;
            HandPipeline old = pipeline;
            inference = null;
            pipeline = null;
            executor.execute(() -> {
                if (running != null) {
                    running.close();
                }
                old.close();
                return null;
            }, done -> loadTracking(), error -> loadTracking());
        } else if (inference != null) {
            inference.updateOptions(trackerOptions());
        }
    }

    private void startInference() {
        if (pipeline != null && session != null && inference == null) {
            inference = new InferenceLoop(pipeline, mesher, session.frames());
            inference.addListener(recentEvents);
            if (options.serve() != null) {
                if (server == null) {
                    server = new dev.handscope.app.stream.EventServer(options.serve(), stopped -> Platform.runLater(
                            () -> message.show("Hand stream stopped", stopped, dismissButton())));
                    server.start();
                }
                inference.addListener(server::publish);
            }
            inference.start();
        }
    }

    /** Where saved meshes and snapshots go: ~/HandScope, or the handscope.data system property. */
    static java.nio.file.Path dataFolder() {
        return java.nio.file.Path.of(System.getProperty("handscope.data",
                java.nio.file.Path.of(System.getProperty("user.home"), "HandScope").toString()));
    }

    /** A new folder (named by the time, to the millisecond) under the data folder's {@code kind}; not created yet. */
    private static java.nio.file.Path newDataFolder(String kind) {
        return dataFolder().resolve(kind).resolve(
                java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
    }

    /** Saves the meshes on screen into a new timestamped folder under ~/HandScope/meshes. */
    private void saveMeshes() {
        List<HandResult> hands = shownHands;
        if (hands.isEmpty() || hands.stream().anyMatch(hand -> hand.mesh() == null)) {
            lastMessage = "no hands to save";
            return;
        }
        java.nio.file.Path folder = newDataFolder("meshes");
        String source = session == null ? "" : session.spec().toString();
        int width = shownWidth;
        int height = shownHeight;
        executor.execute(() -> {
            dev.handscope.app.export.MeshExport.save(folder, source, width, height, options.tracking().fovDegrees(),
                    hands);
            return folder;
        }, saved -> lastMessage = "saved " + hands.size() + " mesh(es) to " + saved,
                error -> lastMessage = "cannot save meshes: " + error.getMessage());
    }

    /** The 3D view in a window of its own (closing it brings the view back beside the video). */
    private Stage detached;

    private void detachMeshView() {
        if (detached != null || !options.tracking().enabled()) {
            return;
        }
        split.getItems().remove(meshView);
        detached = new Stage();
        detached.setTitle("HandScope — 3D hands");
        Scene scene = new Scene(new StackPane(meshView), 640, 480);
        scene.getStylesheets().addAll(stage.getScene().getStylesheets());
        detached.setScene(scene);
        detached.setOnHidden(event -> {
            ((StackPane) detached.getScene().getRoot()).getChildren().clear();
            detached = null;
            showMeshView(meshButton.isSelected());
        });
        detached.show();
    }

    private void showMeshView(boolean show) {
        if (detached != null) {
            return; // the 3D view lives in its own window until that closes
        }
        if (show && options.tracking().enabled() && !split.getItems().contains(meshView)) {
            split.getItems().add(meshView); // always after the video, which is the first item
            split.setDividerPositions(0.62);
        } else if (!show) {
            split.getItems().remove(meshView);
        }
    }

    /** Opens a source in place of the current one; the old one is closed in the background first. */
    public void open(SourceSpec requested) {
        SourceSpec spec = requested;
        if (spec.isCamera() && spec.width() == 0) {
            int[] size = SourceSpec.parseSize(settings.cameraSize());
            spec = spec.withSize(size[0], size[1]);
        }
        CaptureSession previous = session;
        InferenceLoop previousInference = inference;
        inference = null;
        shownHands = List.of();
        shownMeshes = List.of();
        history.clear();
        historyCursor = -1;
        long generation = ++opened;
        CaptureSession next = new CaptureSession(spec, options.capture(),
                update -> Platform.runLater(() -> onStatus(generation, update)));
        session = next;
        status = null;
        pauseButton.setSelected(false);
        video.clear();
        shownSequence = -1;
        shownWidth = 0;
        shownHeight = 0;
        mirrorButton.setSelected(options.mirrorFor(spec));
        notice.hide();
        stage.setTitle("HandScope — " + spec);
        if (previous == null) {
            next.start();
            startInference();
            return;
        }
        executor.execute(() -> {
            if (previousInference != null) {
                previousInference.close();
            }
            previous.close();
            return null;
        }, done -> {
            if (session == next) {
                next.start();
                startInference();
            }
        }, error -> next.start());
    }

    private void onStatus(long generation, CaptureStatus update) {
        if (generation != opened || session == null || update.state() == CaptureStatus.State.STOPPED) {
            // A late message from a source already replaced or closed; or the thread ending after
            // a final state (failed, ended) that must stay on screen.
            return;
        }
        status = update;
        switch (update.state()) {
            case OPENING -> notice.hide();
            case RUNNING -> {
                notice.hide();
                if (!update.message().isEmpty()) { // a folder's unreadable images, skipped
                    message.show("Some images skipped", update.message(), dismissButton());
                }
            }
            case RETRYING -> {
                notice.show(session.spec().isCamera() ? "No camera" : "Source lost",
                        update.message(), openFileButton(), openFolderButton());
                takeSnapshot(WindowOptions.SNAPSHOT_SOURCE_FAILED, update.message());
            }
            case FAILED -> {
                notice.show("Cannot play " + session.spec(), update.message(), openFileButton(), retryButton());
                takeSnapshot(WindowOptions.SNAPSHOT_SOURCE_FAILED, update.message());
            }
            case ENDED -> takeSnapshot(WindowOptions.SNAPSHOT_OK, null);
            case STOPPED -> { }
        }
        refreshStatus(System.nanoTime());
    }

    private Button openFileButton() {
        Button button = new Button("Open file…");
        button.setId("notice-open-file");
        button.setOnAction(event -> chooseFile());
        button.setDefaultButton(true);
        return button;
    }

    private Button dismissButton() {
        Button button = new Button("OK");
        button.setId("message-ok");
        button.setOnAction(event -> message.hide());
        return button;
    }

    private Button openFolderButton() {
        Button button = new Button("Open folder…");
        button.setOnAction(event -> chooseFolder());
        return button;
    }

    private Button retryButton() {
        Button button = new Button("Try again");
        button.setId("notice-retry");
        button.setOnAction(event -> open(session.spec()));
        return button;
    }

    private void onPulse(long now) {
        latencies.pulse(now);
        CaptureSession current = session;
        InferenceLoop tracking = inference;
        if (tracking != null) {
            ProcessedFrame output = tracking.results().poll();
            if (output != null) {
                try {
                    trackingSettled = true;
                    long renderStart = System.nanoTime();
                    historyCursor = -1;
                    history.add(output.frame(), output.result());
                    present(output.frame(), now);
                    shownHands = output.result().hands();
                    startup.frameShown(shownHands.size());
                    shownMeshes = meshesOf(shownHands);
                    shownResult = output.result();
                    redrawOverlay();
                    if (cropStrip.isVisible()) {
                        cropStrip.show(shownHands);
                    }
                    meshView.show(shownMeshes);
                    recentEvents.update(now);
                    readouts.update(readoutRows());
                    gesturePanel.onFrame(shownHands, now);
                    long shown = System.nanoTime();
                    latencies.record(output, shown - renderStart, shown);
                } finally {
                    output.release();
                }
            }
        } else {
            Frame frame = current == null ? null : current.frames().poll();
            if (frame != null) {
                try {
                    historyCursor = -1;
                    history.add(frame, dev.handscope.engine.result.FrameResult.untracked(frame.sequence(), 0, frame.width(),
                            frame.height()));
                    present(frame, now);
                    startup.frameShown(0);
                } finally {
                    frame.release();
                }
            }
        }
        if (now - lastStatusRefresh > STATUS_REFRESH_NANOS) {
            refreshStatus(now);
        }
        if (unpacking != null && now - lastUnpackCheck > 250_000_000L) {
            lastUnpackCheck = now;
            showUnpackProgress();
        }
    }

    private void present(Frame frame, long now) {
        video.present(frame);
        shownSequence = frame.sequence();
        shownWidth = frame.width();
        shownHeight = frame.height();
        shownFrames++;
        if (trackingSettled) {
            settledFrames++;
        }
        displayRate.record(now);
        if (options.snapshot() != null && settledFrames >= options.snapshotAfter()) {
            takeSnapshot(WindowOptions.SNAPSHOT_OK, null);
        }
    }

    private static List<HandMesh> meshesOf(List<HandResult> hands) {
        return hands.stream().map(HandResult::mesh).filter(java.util.Objects::nonNull).toList();
    }

    private List<HandReadouts.Row> readoutRows() {
        List<HandReadouts.Row> rows = new java.util.ArrayList<>();
        long now = System.nanoTime();
        for (HandResult hand : shownHands) {
            HandMesh mesh = hand.mesh();
            if (mesh == null) {
                continue;
            }
            String gesture = hand.gesture() == null || "none".equals(hand.gesture().name()) ? null : hand.gesture().name();
            String event = recentEvents.of(hand.id(), now);
            if (event != null) {
                gesture = gesture == null ? event : gesture + " · " + event;
            }
            rows.add(new HandReadouts.Row(hand.id(), hand.handedness().label(), hand.handedness().score(),
                    mesh.geometric().handedness().label(), mesh.geometric().handedness().score(),
                    mesh.handednessDisagrees(), hand.presence(), HandOverlay.colourOf(hand.handedness().label()),
                    hand.comparison() != null ? meanDistancePx(hand.model().landmarks().toArray(),
                            hand.comparison().landmarks().toArray()) : -1,
                    gesture));
        }
        return rows;
    }

    /** Mean distance between two models' 21 landmarks, in image pixels. */
    private double meanDistancePx(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < 21; i++) {
            sum += Math.hypot((a[3 * i] - b[3 * i]) * shownWidth, (a[3 * i + 1] - b[3 * i + 1]) * shownHeight);
        }
        return sum / 21;
    }

    private void refreshHud(long now, double captureFps, double trackingFps) {
        if (!hud.isVisible()) {
            return;
        }
        latencies.showOn(hud, now, String.format(java.util.Locale.ROOT, "capture %.1f · tracking %.1f · display %.1f fps",
                captureFps, trackingFps, displayRate.rate(now)), trackingState + " · hands " + shownHands.size());
    }

    /** Click on a joint: its coordinates and the hand's scores; a click elsewhere hides them. */
    void showJoint(double x, double y) {
        jointInfo.showNearest(video.transform(), shownHands, shownWidth, shownHeight, x, y, videoArea.getWidth());
    }

    private void redrawOverlay() {
        HandOverlay.draw(video.overlay(), video.transform(), shownHands,
                shownResult == null ? List.of() : shownResult.detections(),
                new HandOverlay.DebugLayers(palmsItem.isSelected(), cropsItem.isSelected(), indicesItem.isSelected()),
                panelsOverVideo());
        if (compareItem.isSelected()) {
            HandOverlay.drawComparison(video.overlay(), video.transform(), shownHands, comparisonName());
        }
    }

    /** The HUD and the readouts where they show, in the overlay canvas's pixels: hand labels avoid them. */
    private List<javafx.geometry.Rectangle2D> panelsOverVideo() {
        List<javafx.geometry.Rectangle2D> panels = new java.util.ArrayList<>();
        for (javafx.scene.layout.Region panel : List.of(hud, readouts)) {
            if (panel.isVisible()) {
                javafx.geometry.Bounds b = video.overlay().sceneToLocal(panel.localToScene(panel.getLayoutBounds()));
                panels.add(new javafx.geometry.Rectangle2D(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
            }
        }
        return panels;
    }

    private String comparisonName() {
        java.nio.file.Path folder = options.tracking().compare();
        return folder != null ? folder.getFileName().toString() : otherVariant().id();
    }

    private dev.handscope.models.catalogue.ModelVariant otherVariant() {
        return variant() == dev.handscope.models.catalogue.ModelVariant.FULL
                ? dev.handscope.models.catalogue.ModelVariant.LITE : dev.handscope.models.catalogue.ModelVariant.FULL;
    }

    /** V: starts or stops recording what the pipeline processes (see {@link RecordingControl}). */
    private void record(boolean on) {
        if (!on) {
            recorder.stop();
        } else if (inference == null || shownWidth == 0) {
            lastMessage = "recording needs hand tracking running";
            recordItem.setSelected(false);
        } else {
            try {
                recorder.start(inference, dataFolder().resolve("recordings"), shownWidth, shownHeight);
            } catch (java.io.IOException e) {
                lastMessage = e.getMessage();
                recordItem.setSelected(false);
            }
        }
    }

    /** A recording that stopped by itself: said at once, in a message that names the files kept. */
    private void recordingFailed(String problem) {
        recordItem.setSelected(false);
        message.show("Recording stopped", problem, dismissButton());
    }

    /** A/B: loads the other landmark model in the background and runs it beside the first. */
    private void compare(boolean on) {
        HandPipeline current = pipeline;
        if (current == null) {
            lastMessage = "A/B needs hand tracking running";
            return;
        }
        if (!on) {
            current.compareWith(null);
            redrawOverlay();
            return;
        }
        var other = otherVariant();
        java.nio.file.Path folder = options.tracking().compare();
        executor.execute(() -> dev.handscope.engine.landmarks.HandLandmarkModel.load(
                folder != null ? folder : ModelCatalogue.bundled().handLandmarks(other), options.tracking().runtime()), model -> {
                    if (compareItem.isSelected() && pipeline == current) {
                        current.compareWith(model);
                    } else {
                        model.close();
                    }
                }, error -> {
                    compareItem.setSelected(false);
                    message.show("A/B model not loaded", error.getMessage(), dismissButton());
                });
    }

    /** Writes the frame on screen with everything the models saw and said to ~/HandScope/failures/<time>/. */
    private void failureSnapshot() {
        var result = shownResult;
        var image = video.image();
        if (result == null || image == null) {
            lastMessage = "no tracked frame to snapshot yet";
            return;
        }
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        byte[] rgb = ImagePixels.rgb(image);
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("source", session == null ? "" : session.spec());
        settings.put("frame", shownSequence);
        settings.put("model", variant().id());
        settings.put("device", trackingState);
        settings.put("tracker", trackerOptions());
        settings.put("fovDegrees", options.tracking().fovDegrees());
        settings.put("mirror", mirrorButton.isSelected());
        java.nio.file.Path folder = newDataFolder("failures");
        executor.execute(() -> {
            dev.handscope.app.export.FailureSnapshot.write(folder, rgb, width, height, result, settings);
            return folder;
        }, written -> {
            lastMessage = "snapshot in " + written;
            System.out.println("Failure snapshot written to " + written);
        }, error -> lastMessage = "cannot write the snapshot: " + error.getMessage());
    }

    private void refreshStatus(long now) {
        lastStatusRefresh = now;
        CaptureSession current = session;
        InferenceLoop tracking = inference;
        if (tracking != null && tracking.failure() != null) {
            trackingState = "tracking stopped";
            notice.show("Hand tracking stopped", tracking.failure(), retryButton());
            inference = null;
        }
        recorder.checkFailure();
        refreshHud(now, current == null ? 0 : current.loop().captureRate(), tracking == null ? 0 : tracking.rate());
        statusBar.update(new StatusReadings(stateWord(), severity(), current == null ? "" : sourceText(current),
                shownWidth, shownHeight, current == null ? 0 : current.loop().captureRate(),
                displayRate.rate(now), current == null ? 0 : current.frames().droppedCount(), shownSequence,
                tracking == null ? -1 : tracking.rate(), shownHands.size(),
                lastMessage.isEmpty() ? trackingState : trackingState + " · " + lastMessage));
    }

    private static String sourceText(CaptureSession current) {
        int skipped = current.loop().skippedFiles().count();
        return current.spec() + (skipped == 0 ? "" : " (" + skipped + (skipped == 1 ? " file" : " files") + " skipped)");
    }

    private String stateWord() {
        if (status == null) {
            return "Opening";
        }
        return switch (status.state()) {
            case OPENING -> "Opening";
            case RUNNING -> pauseButton.isSelected() ? "Paused" : "Playing";
            case RETRYING -> session.spec().isCamera() ? "No camera" : "Lost";
            case ENDED -> "Ended";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        };
    }

    private StatusReadings.Severity severity() {
        if (status == null) {
            return StatusReadings.Severity.WAITING;
        }
        return switch (status.state()) {
            case RUNNING -> pauseButton.isSelected() ? StatusReadings.Severity.WAITING : StatusReadings.Severity.OK;
            case FAILED, RETRYING -> StatusReadings.Severity.PROBLEM;
            case OPENING, ENDED, STOPPED -> StatusReadings.Severity.WAITING;
        };
    }

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return; // typing a name, not a shortcut
        }
        if (help.isVisible() && !event.isShiftDown()) {
            help.setVisible(false);
            event.consume();
            return;
        }
        Runnable action = shortcuts.actionFor(event.getCode());
        if (action != null) {
            action.run();
            event.consume();
        }
    }

    /** The keyboard shortcuts, in the help's order (the README's "Keys" table says the same). */
    private Shortcuts shortcuts() {
        return new Shortcuts(List.of(
                new Shortcut("Space", "pause / resume (an ended file plays again)", Map.of(KeyCode.SPACE, this::togglePause)),
                new Shortcut("→ / ←", "step one frame forward / back (last seconds)",
                        Map.of(KeyCode.RIGHT, this::stepForward, KeyCode.LEFT, this::stepBack)),
                new Shortcut("M", "mirror the display", Map.of(KeyCode.M, flip(mirrorButton.selectedProperty()))),
                new Shortcut("O", "open a video or image", Map.of(KeyCode.O, this::chooseFile)),
                new Shortcut("3", "show / hide the 3D view", Map.of(KeyCode.DIGIT3, flip(meshButton.selectedProperty()))),
                new Shortcut("W", "wireframe meshes", Map.of(KeyCode.W, flip(wireframeItem.selectedProperty()))),
                new Shortcut("S", "save the meshes on screen", Map.of(KeyCode.S, this::saveMeshes)),
                new Shortcut("H", "latency HUD", Map.of(KeyCode.H, flip(hud.visibleProperty()))),
                new Shortcut("R", "left/right readouts", Map.of(KeyCode.R, flip(readouts.visibleProperty()))),
                new Shortcut("B / C / I / T", "debug: palm boxes, crop rectangles, keypoint indices, model crops",
                        Map.of(KeyCode.B, flip(palmsItem.selectedProperty()), KeyCode.C, flip(cropsItem.selectedProperty()),
                                KeyCode.I, flip(indicesItem.selectedProperty()),
                                KeyCode.T, flip(thumbnailsItem.selectedProperty()))),
                new Shortcut("F", "failure snapshot: frame, crops, raw outputs, results, settings",
                        Map.of(KeyCode.F, this::failureSnapshot)),
                new Shortcut("A", "A/B: run the other landmark model (full/lite, or --compare DIR) on the same crops",
                        Map.of(KeyCode.A, flip(compareItem.selectedProperty()))),
                new Shortcut("V", "record / stop: lossless video + results (replay with --source FILE)",
                        Map.of(KeyCode.V, flip(recordItem.selectedProperty()))),
                new Shortcut("G", "teach a gesture: type a name, Enter, hold the pose for 3 s",
                        Map.of(KeyCode.G, this::teachGesture)),
                new Shortcut("?", "this help (any key closes it)", Map.of()),
                new Shortcut("3D view", "drag: orbit · scroll: zoom · right-drag: pan · double-click: reset", Map.of())));
    }

    private void stepForward() {
        if (historyCursor > 0) {
            showHistory(historyCursor - 1);
        } else {
            historyCursor = -1;
            step();
        }
    }

    private void teachGesture() {
        settingsButton.setSelected(true);
        // Build the just-shown panel now (focus needs it in the scene) and scroll to the gestures.
        settingsScroll.applyCss();
        settingsScroll.layout();
        settingsScroll.setVvalue(settingsScroll.getVmax());
        gesturePanel.startNaming();
        swallowTyped = true;
    }

    /** While paused, shows the frame before the one on screen, with its results, from the history. */
    private void stepBack() {
        if (!pauseButton.isSelected()) {
            setPaused(true);
        }
        int target = historyCursor < 0 ? 1 : historyCursor + 1;
        if (history.back(target) != null) {
            showHistory(target);
        } else {
            lastMessage = "start of the history (" + history.size() + " frames)";
        }
    }

    private void showHistory(int back) {
        FrameHistory.Entry entry = history.back(back);
        if (entry == null) {
            return;
        }
        historyCursor = back;
        video.present(entry.rgb, entry.width, entry.height);
        shownSequence = entry.sequence;
        shownResult = entry.result;
        shownHands = entry.result.hands();
        shownMeshes = meshesOf(shownHands);
        redrawOverlay();
        meshView.show(shownMeshes);
        readouts.update(readoutRows());
        if (cropStrip.isVisible()) {
            cropStrip.show(shownHands);
        }
        lastMessage = back == 0 ? "" : "history: " + back + " frame(s) back";
        refreshStatus(System.nanoTime());
    }

    private void togglePause() {
        if (status != null && status.state() == CaptureStatus.State.ENDED) {
            open(session.spec()); // play an ended file again from the start
            return;
        }
        setPaused(!pauseButton.isSelected());
    }

    private void setPaused(boolean paused) {
        pauseButton.setSelected(paused);
        if (paused) {
            session.loop().pause();
        } else {
            session.loop().resume();
        }
        refreshStatus(System.nanoTime());
    }

    private void step() {
        if (!pauseButton.isSelected()) {
            setPaused(true);
        }
        session.loop().step();
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
            open(SourceSpec.parse(file.getPath()));
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            open(SourceSpec.parse(folder.getPath()));
        }
    }

    private void refreshCameras() {
        executor.execute(() -> CameraDiscovery.list(false), this::showCameras,
                error -> cameraBox.setPromptText("Cameras unavailable"));
    }

    private void showCameras(List<CameraInfo> cameras) {
        choosingCamera = true;
        try {
            CameraInfo selected = cameraBox.getValue();
            cameraBox.getItems().setAll(cameras);
            cameraBox.setPromptText(cameras.isEmpty() ? "No camera found" : "Camera");
            cameraBox.setValue(selected != null && cameras.contains(selected) ? selected : null);
        } finally {
            choosingCamera = false;
        }
    }

    private void takeSnapshot(int exitCode, String problem) {
        if (options.snapshot() == null || snapshotTaken) {
            return;
        }
        snapshotTaken = true;
        // One more pulse so the latest frame and status are laid out before the picture is taken.
        Platform.runLater(() -> {
            refreshStatus(System.nanoTime());
            var image = stage.getScene().snapshot(null);
            long framesInPicture = shownFrames;
            executor.execute(() -> {
                PngWriter.write(image, options.snapshot());
                return options.snapshot();
            }, written -> {
                System.out.println("Snapshot written to " + written.toAbsolutePath() + " after " + framesInPicture
                        + " frames");
                System.out.println(latencies.report(System.nanoTime()) + "\nStart-up, since the JVM started: "
                        + startup.summary());
                if (problem != null) {
                    System.err.println("handscope: " + problem);
                }
                exit.accept(exitCode);
            }, error -> {
                System.err.println("handscope: cannot write the snapshot " + options.snapshot() + ": "
                        + error.getMessage());
                exit.accept(WindowOptions.SNAPSHOT_WRITE_FAILED);
            });
        });
    }

    /** Stops drawing and closes the source. */
    public void close() {
        displayLoop.stop();
        if (server != null) {
            try {
                server.stop(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (detached != null) {
            detached.close();
        }
        InferenceLoop tracking = inference;
        inference = null;
        if (tracking != null) {
            tracking.close();
        }
        CaptureSession current = session;
        session = null;
        if (current != null) {
            current.close();
        }
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    /** Shows cameras as "0  Integrated Camera (/dev/video0)". */
    private static final class CameraCell extends ListCell<CameraInfo> {
        @Override
        protected void updateItem(CameraInfo camera, boolean empty) {
            super.updateItem(camera, empty);
            if (empty || camera == null) {
                setText(null);
                return;
            }
            String where = camera.device().isEmpty() ? "" : " (" + camera.device() + ")";
            setText(camera.index() + "  " + camera.name() + where);
        }
    }
}
